using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using FunctionGateway.Azure;
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

        return services.AddGatewayConfigWatcher(configuration);
    }

    private static IConfigSource CreateBlobSource(GatewaySettings settings, TokenCredential credential)
    {
        if (settings.BlobUri is { } blobUri)
        {
            // A SAS URL carries its own authorization; anything else is read as the app's identity.
            return new BlobConfigSource(blobUri.Query.Contains("sig=", StringComparison.Ordinal)
                ? new BlobClient(blobUri, AzureClientRetries.Bounded(new BlobClientOptions()))
                : new BlobClient(blobUri, credential, AzureClientRetries.Bounded(new BlobClientOptions())));
        }

        try
        {
            return new BlobConfigSource(new BlobClient(settings.ConnectionString, settings.Container, settings.Blob, AzureClientRetries.Bounded(new BlobClientOptions())));
        }
        catch (FormatException)
        {
            // The message would echo the connection string, account key included.
            return new UnconfiguredConfigSource($"{GatewaySettings.ConnectionStringKey} is not a valid storage connection string");
        }
    }
}
