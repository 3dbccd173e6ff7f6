namespace FunctionGateway.Configuration;

public enum ConfigSeverity
{
    Error,
    Warning,
}
