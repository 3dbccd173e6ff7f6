using System.Text.Json.Nodes;
using FunctionGateway.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FunctionGateway.Engine;

namespace FunctionGateway.Cli.Import;

/// <summary>
/// Loads a converted config with the gateway's own loader, so that what the importer writes is what the gateway
/// accepts. App settings are not read from this machine: each <c>$env</c> reference gets a stand-in value.
/// </summary>
internal static class ConvertedConfigCheck
{
    public static async Task<IReadOnlyList<ConfigIssue>> CheckAsync(ImportResult result, CancellationToken cancellationToken)
    {
        var baseUrls = (result.Config["servers"] as JsonArray ?? [])
            .Select(s => s?["url"]?.GetValue<string>() ?? "")
            .Where(u => u.StartsWith("$env.", StringComparison.Ordinal))
            .Select(u => u["$env.".Length..])
            .ToHashSet(StringComparer.Ordinal);
        var standIns = result.AppSettings.ToDictionary(
            name => name, name => (string?)(baseUrls.Contains(name) ? "https://app-setting.example" : "app-setting"));
        var settings = new ConfigurationBuilder().AddInMemoryCollection(standIns).Build();

        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(settings)
            .AddGatewayEngine()
            .BuildServiceProvider();
        var loaded = await services.GetRequiredService<GatewayConfigLoader>()
            .LoadAsync(result.Config.ToJsonString(), "converted config", "import", cancellationToken);
        return loaded.Issues;
    }
}
