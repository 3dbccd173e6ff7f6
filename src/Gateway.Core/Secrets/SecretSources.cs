using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using FunctionGateway.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Secrets;

/// <summary>The secret source the settings choose: Key Vault when <c>Gateway:KeyVault:Uri</c> is set, else app settings and environment variables.</summary>
internal static class SecretSources
{
    public static ISecretSource FromSettings(IConfiguration configuration, GatewaySettings settings, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return settings.KeyVaultUri is { } vaultUri
            ? new KeyVaultSecretSource(
                new SecretClient(vaultUri, new DefaultAzureCredential(), AzureClientRetries.Bounded(new SecretClientOptions())),
                configuration, timeProvider, loggerFactory.CreateLogger<KeyVaultSecretSource>())
            : new ConfigurationSecretSource(configuration);
    }
}
