using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FunctionGateway.Engine;

namespace FunctionGateway.Tests.Support;

/// <summary>The engine's real services, with settings and secrets from an in-memory dictionary.</summary>
internal static class TestServices
{
    public static ServiceProvider Create(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        return services.AddGatewayEngine().BuildServiceProvider();
    }

    public static Task<ConfigLoadResult> LoadAsync(string json, IDictionary<string, string?>? settings = null, TimeProvider? time = null) =>
        Create(settings, time).GetRequiredService<GatewayConfigLoader>().LoadAsync(json, "test", "v1");
}
