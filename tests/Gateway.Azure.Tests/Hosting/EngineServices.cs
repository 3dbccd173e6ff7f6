using FunctionGateway.Configuration;
using FunctionGateway.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using FunctionGateway.Engine;

namespace FunctionGateway.Azure.Tests.Hosting;

/// <summary>The engine's services as a host registers them, with a given secret source and settings.</summary>
internal static class EngineServices
{
    public static ServiceProvider Create(ISecretSource? secrets = null, IDictionary<string, string?>? settings = null, LogCollector? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddProvider(logs ?? new LogCollector()));
        if (secrets is not null)
        {
            services.AddSingleton(secrets);
        }

        services.AddGatewayEngine();
        return services.BuildServiceProvider();
    }

    public static GatewayConfigLoader Loader(this ServiceProvider services) => services.GetRequiredService<GatewayConfigLoader>();
}
