using FunctionGateway.Configuration;
using FunctionGateway.Hosting;
using FunctionGateway.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Tests.Support;

/// <summary>The engine with its config watcher and status endpoint, wired as a host wires them, on an inline config.</summary>
internal static class WatcherServices
{
    public static ServiceProvider Create(string config, IDictionary<string, string?> settings, ILoggerProvider logs,
        GatewayHostKind host = GatewayHostKind.Standalone)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs))
            .Configure<GatewayHostOptions>(o => o.Kind = host)
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IConfigSource>(new InMemoryConfigSource(config))
            .AddGatewayEngine()
            .AddGatewayConfigWatcher()
            .BuildServiceProvider();
    }
}
