using FunctionGateway.Configuration;
using FunctionGateway.Hosting;
using FunctionGateway.Authorization;
using FunctionGateway.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using FunctionGateway.Engine;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>
/// Loads a config the way the gateway does (the same loader, the same secret sources: app settings, or the one the
/// host passes, Key Vault when <c>Gateway:KeyVault:Uri</c> is set), on the caller's clock, optionally with remote
/// keys never fetched.
/// </summary>
public static class DiagnosticConfigLoader
{
    /// <param name="clock">The clock of the whole diagnosis; a command holds it at one instant, so that no check straddles an expiry.</param>
    /// <exception cref="DiagnosticInputException">A <c>Gateway:*</c> setting is not valid.</exception>
    public static async Task<DiagnosticConfig> LoadAsync(string text, string source, IConfiguration settings, TimeProvider clock,
        bool offline, Func<TimeProvider, ILoggerFactory, ISecretSource>? secretSource = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        var problems = GatewaySettings.Read(settings).Problems;
        if (problems.Count > 0)
        {
            throw new DiagnosticInputException(string.Join("; ", problems));
        }

        var services = new ServiceCollection();
        if (secretSource is not null)
        {
            services.AddSingleton(sp => secretSource(clock, sp.GetRequiredService<ILoggerFactory>()));
        }

        if (offline)
        {
            services.AddSingleton<IRemoteKeySourceFactory, OfflineKeySourceFactory>();
        }

        services
            .AddLogging()
            .AddSingleton(settings)
            .AddSingleton<TimeProvider>(clock)
            .AddGatewayEngine();
        // Not disposed here: the runtime keeps using what it resolved (loggers, key sources) while it is explained.
        var provider = services.BuildServiceProvider();
        var secrets = provider.GetRequiredService<ISecretSource>();
        var result = await provider.GetRequiredService<GatewayConfigLoader>().LoadAsync(text, source, "explain", cancellationToken);
        return new DiagnosticConfig(result.Runtime, result.Issues, new ExplainContext(result.References, secrets.Name), clock.GetUtcNow());
    }
}
