using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using FunctionGateway.Hosting;
using FunctionGateway.Secrets;
using FunctionGateway.Sources;
using FunctionGateway.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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

        if (settings.KeyVaultUri is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(sp => SecretSources.FromSettings(
                configuration, settings, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>())));
        }

        services.TryAddSingleton(sp => CreateSource(settings, sp.GetRequiredService<IOptions<GatewayHostOptions>>().Value));
        services.TryAddSingleton(settings.Watcher);
        services.TryAddSingleton<ConfigWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ConfigWatcher>());
        if (settings.StatusPath is { } statusPath)
        {
            services.AddSingleton(sp => new GatewayStatusEndpoint(new PathString(statusPath), settings.StatusKey,
                sp.GetRequiredService<IOptions<GatewayHostOptions>>().Value.Kind, sp.GetRequiredService<ConfigWatcher>(),
                sp.GetRequiredService<GatewayRuntimeHolder>(), sp.GetRequiredService<ISecretSource>(),
                sp.GetRequiredService<ILogger<GatewayStatusEndpoint>>()));
        }

        return services;
    }

    private static IConfigSource CreateSource(GatewaySettings settings, GatewayHostOptions host)
    {
        if (settings.Problems.Count > 0)
        {
            return new UnconfiguredConfigSource(string.Join("; ", settings.Problems));
        }

        if (settings.ConfigPath is { } path)
        {
            return new FileConfigSource(host.ConfigBaseDirectory is { } baseDirectory ? Path.GetFullPath(path, baseDirectory) : path);
        }

        if (settings.BlobUri is { } blobUri)
        {
            // A SAS URL carries its own authorization; anything else is read as the app's identity.
            return new BlobConfigSource(blobUri.Query.Contains("sig=", StringComparison.Ordinal)
                ? new BlobClient(blobUri, AzureClientRetries.Bounded(new BlobClientOptions()))
                : new BlobClient(blobUri, new DefaultAzureCredential(), AzureClientRetries.Bounded(new BlobClientOptions())));
        }

        if (settings.ConnectionString is { } connectionString)
        {
            try
            {
                return new BlobConfigSource(new BlobClient(connectionString, settings.Container, settings.Blob, AzureClientRetries.Bounded(new BlobClientOptions())));
            }
            catch (FormatException)
            {
                // The message would echo the connection string, account key included.
                return new UnconfiguredConfigSource($"{GatewaySettings.ConnectionStringKey} is not a valid storage connection string");
            }
        }

        return new UnconfiguredConfigSource(
            $"no config source is set: set {GatewaySettings.ConfigPathKey} (a file), {GatewaySettings.BlobUriKey}, or {GatewaySettings.ConnectionStringKey} " +
            $"with {GatewaySettings.ContainerKey} and {GatewaySettings.BlobKey}");
    }
}
