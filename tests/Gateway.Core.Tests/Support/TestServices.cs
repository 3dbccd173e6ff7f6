using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FunctionGateway.Engine;
using FunctionGateway.Sources;

namespace FunctionGateway.Tests.Support;

/// <summary>The engine's real services, with settings and secrets from an in-memory dictionary.</summary>
internal static class TestServices
{
    /// <param name="config">A source to load config from, behind the watcher the hosts register; none when null.</param>
    public static ServiceProvider Create(IDictionary<string, string?>? settings = null, TimeProvider? time = null, IConfigSource? config = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddGatewayEngine();
        if (config is not null)
        {
            services.AddTestConfigSource(config);
        }

        return services.BuildServiceProvider();
    }

    public static Task<ConfigLoadResult> LoadAsync(string json, IDictionary<string, string?>? settings = null, TimeProvider? time = null) =>
        Create(settings, time).GetRequiredService<GatewayConfigLoader>().LoadAsync(json, "test", "v1");
}
