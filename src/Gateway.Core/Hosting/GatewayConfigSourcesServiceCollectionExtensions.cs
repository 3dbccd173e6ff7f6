using FunctionGateway.Hosting;
using FunctionGateway.Secrets;
using FunctionGateway.Sources;
using FunctionGateway.Engine;
using Microsoft.AspNetCore.Http;
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

        if (settings.KeyVaultUri is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(sp => SecretSources.FromSettings(
                configuration, settings, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>())));
        }

        services.TryAddSingleton(_ => CreateSource(settings));
        services.TryAddSingleton(settings.Watcher);
        services.TryAddSingleton<ConfigWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ConfigWatcher>());
        if (settings.StatusPath is { } statusPath)
        {
            services.AddSingleton(sp => new GatewayStatusEndpoint(new PathString(statusPath),
                sp.GetRequiredService<ConfigWatcher>(), sp.GetRequiredService<GatewayRuntimeHolder>(), sp.GetRequiredService<ISecretSource>()));
        }

        return services;
    }

    private static IConfigSource CreateSource(GatewaySettings settings)
    {
        try
        {
            return ConfigBlobClient.Create(settings) is { } blob
                ? new BlobConfigSource(blob)
                : new UnconfiguredConfigSource(ConfigBlobClient.NotConfigured);
        }
        catch (ConfigSourceException e)
        {
            return new UnconfiguredConfigSource(e.Message);
        }
    }
}
