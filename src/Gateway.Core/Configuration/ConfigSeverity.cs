namespace FunctionGateway.Configuration;

internal enum ConfigSeverity
{
    Error,
    Warning,
}
