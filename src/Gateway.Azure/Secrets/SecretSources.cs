using Azure.Core;
using Azure.Security.KeyVault.Secrets;
using FunctionGateway.Hosting;
using FunctionGateway.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Azure.Secrets;

/// <summary>The secret source the settings choose: Key Vault when <c>Gateway:KeyVault:Uri</c> is set, else app settings and environment variables.</summary>
public static class SecretSources
{
    public static ISecretSource FromSettings(IConfiguration configuration, GatewaySettings settings, TokenCredential credential,
        TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return settings.KeyVaultUri is { } vaultUri
            ? new KeyVaultSecretSource(
                new SecretClient(vaultUri, credential, AzureClientRetries.Bounded(new SecretClientOptions())),
                configuration, timeProvider, loggerFactory.CreateLogger<KeyVaultSecretSource>())
            : new ConfigurationSecretSource(configuration);
    }
}
