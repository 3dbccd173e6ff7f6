using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Secrets;
using FunctionGateway.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class GatewayConfigWatcherServiceCollectionExtensions
{
    /// <summary>
    /// Registers the watcher that loads the registered <see cref="IConfigSource"/> and reloads it on change, and
    /// the status endpoint when <c>Gateway:Status:Path</c> is set. Call after <c>AddGatewayEngine</c> and after
    /// registering the config source; without one, the gateway answers 503 saying that no source is set.
    /// </summary>
    public static IServiceCollection AddGatewayConfigWatcher(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = GatewaySettings.Read(configuration);

        services.TryAddSingleton<IConfigSource>(_ => new UnconfiguredConfigSource(settings.Problems.Count > 0
            ? string.Join("; ", settings.Problems)
            : $"no config source is set: set {GatewaySettings.BlobUriKey}, or {GatewaySettings.ConnectionStringKey} " +
              $"with {GatewaySettings.ContainerKey} and {GatewaySettings.BlobKey}"));
        services.TryAddSingleton(settings.Watcher);
        services.TryAddSingleton<ConfigWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ConfigWatcher>());
        if (settings.StatusPath is { } statusPath)
        {
            services.AddSingleton<IGatewayStatusEndpoint>(sp => new GatewayStatusEndpoint(new PathString(statusPath),
                sp.GetRequiredService<ConfigWatcher>(), sp.GetRequiredService<GatewayRuntimeHolder>(), sp.GetRequiredService<ISecretSource>()));
        }

        return services;
    }
}
