using Microsoft.Extensions.Configuration;

namespace FunctionGateway.Secrets;

/// <summary>Secrets from app settings and environment variables, for local runs and <c>gateway serve</c>.</summary>
public sealed class ConfigurationSecretSource(IConfiguration configuration) : ISecretSource
{
    public string Name => "app settings and environment variables";

    public ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(configuration[name]);
}
