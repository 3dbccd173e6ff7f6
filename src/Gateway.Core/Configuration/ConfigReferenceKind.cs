namespace FunctionGateway.Configuration;

public enum ConfigReferenceKind
{
    Environment,
    Secret,
}
