using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Testing;

/// <summary>
/// Config for tests goes the way it goes in production: a source behind the <see cref="ConfigWatcher"/> the hosts
/// register, loaded by the watcher's check (which <c>gateway serve</c> also runs once before it listens).
/// </summary>
public static class ConfigLoading
{
    /// <summary>Registers <paramref name="source"/> and the watcher over it, with the hosts' registration.</summary>
    public static IServiceCollection AddTestConfigSource(this IServiceCollection services, IConfigSource source) =>
        services.AddSingleton(source).AddGatewayConfigWatcher();

    /// <summary>One check of the watcher: the first load, or the load of what the source holds since the last one.</summary>
    public static Task<ConfigLoadResult?> LoadConfigAsync(this IServiceProvider services) =>
        services.GetRequiredService<ConfigWatcher>().CheckAsync(CancellationToken.None);
}
