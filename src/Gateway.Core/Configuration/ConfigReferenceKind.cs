namespace FunctionGateway.Configuration;

internal enum ConfigReferenceKind
{
    Environment,
    Secret,
}
