using Azure.Core;
using Azure.Identity;
using FunctionGateway.Azure.Secrets;
using FunctionGateway.Azure.Sources;
using FunctionGateway.Hosting;
using FunctionGateway.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

public static class GatewayConfigSourcesServiceCollectionExtensions
{
    /// <summary>
    /// Registers where config and secrets come from, per the <c>Gateway:*</c> settings: Key Vault secrets when
    /// <c>Gateway:KeyVault:Uri</c> is set, the config blob (<c>Gateway:Config:BlobUri</c>, or a connection
    /// string with container and blob), the watcher that polls it, and the status endpoint when
    /// <c>Gateway:Status:Path</c> is set. Call after <c>AddGatewayEngine</c>. A config source registered before
    /// this call (a file for <c>gateway serve --config</c>) is kept.
    /// </summary>
    public static IServiceCollection AddGatewayConfigSources(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = GatewaySettings.Read(configuration);

        // One identity for the blob and the vault: its token cache is shared, and it is asked for a token once.
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        if (settings.KeyVaultUri is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(sp => SecretSources.FromSettings(configuration, settings,
                sp.GetRequiredService<TokenCredential>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>())));
        }

        if (settings.Problems.Count == 0 && settings.HasBlob)
        {
            services.TryAddSingleton(sp => CreateBlobSource(settings, sp.GetRequiredService<TokenCredential>()));
        }

        return services.AddGatewayConfigWatcher();
    }

    private static IConfigSource CreateBlobSource(GatewaySettings settings, TokenCredential credential)
    {
        try
        {
            return ConfigBlobClient.Create(settings, credential) is { } blob
                ? new BlobConfigSource(blob)
                : new UnconfiguredConfigSource(ConfigBlobClient.NotConfigured);
        }
        catch (ConfigSourceException e)
        {
            return new UnconfiguredConfigSource(e.Message);
        }
    }
}
