using FunctionGateway.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FunctionGateway.Engine;

namespace FunctionGateway.Cli.Tests.Support;

/// <summary>Loads a config file with the gateway's own loader, as <c>gateway serve</c> would, with the given app settings.</summary>
internal static class GatewayConfigs
{
    public static async Task<ConfigLoadResult> LoadAsync(string file, IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddGatewayEngine()
            .BuildServiceProvider();
        return await services.GetRequiredService<GatewayConfigLoader>().LoadAsync(await File.ReadAllTextAsync(file), file, "test");
    }
}
