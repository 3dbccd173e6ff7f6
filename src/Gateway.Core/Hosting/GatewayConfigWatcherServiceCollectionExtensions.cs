using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Secrets;
using FunctionGateway.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class GatewayConfigWatcherServiceCollectionExtensions
{
    /// <summary>
    /// Registers the watcher that loads the registered <see cref="IConfigSource"/> (or the file named by
    /// <c>Gateway:Config:Path</c>) and reloads it on change, and the status endpoint when <c>Gateway:Status:Path</c> is
    /// set. Call after <c>AddGatewayEngine</c> and after registering the config source; without one, the gateway
    /// answers 503 saying that no source is set, or which settings are bad.
    /// </summary>
    public static IServiceCollection AddGatewayConfigWatcher(this IServiceCollection services)
    {
        services.AddGatewaySettings();
        services.TryAddSingleton(ConfigSource);
        services.TryAddSingleton<ConfigWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ConfigWatcher>());
        // Null (no endpoint) without Gateway:Status:Path; the engine asks for it as an optional service.
        services.TryAddSingleton<IGatewayStatusEndpoint>(sp => sp.GetRequiredService<GatewaySettings>() is { StatusPath: { } statusPath } settings
            ? new GatewayStatusEndpoint(new PathString(statusPath), settings.StatusKey,
                sp.GetRequiredService<IOptions<GatewayHostOptions>>().Value.Kind, sp.GetRequiredService<ConfigWatcher>(),
                sp.GetRequiredService<GatewayRuntimeHolder>(), sp.GetRequiredService<ISecretSource>(),
                sp.GetRequiredService<ILogger<GatewayStatusEndpoint>>())
            : null!);
        return services;
    }

    // The file of Gateway:Config:Path, else a source that answers why there is none: bad settings, or none set.
    private static IConfigSource ConfigSource(IServiceProvider services)
    {
        var settings = services.GetRequiredService<GatewaySettings>();
        if (settings.Problems.Count > 0)
        {
            return new UnconfiguredConfigSource(string.Join("; ", settings.Problems));
        }

        // Relative to the folder the host names (the Function App's), else to the current one, as for --config.
        return settings.ConfigPath is { } path
            ? new FileConfigSource(services.GetRequiredService<IOptions<GatewayHostOptions>>().Value.ConfigBaseDirectory is { } baseDirectory
                ? Path.GetFullPath(path, baseDirectory)
                : path)
            : new UnconfiguredConfigSource(
                $"no config source is set: set {GatewaySettings.ConfigPathKey} (a file), {GatewaySettings.BlobUriKey}, or {GatewaySettings.ConnectionStringKey} " +
                $"with {GatewaySettings.ContainerKey} and {GatewaySettings.BlobKey}");
    }
}
