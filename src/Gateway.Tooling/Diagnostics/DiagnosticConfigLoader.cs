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
/// host passes, Key Vault when <c>Gateway:KeyVault:Uri</c> is set), on a clock fixed at one instant, optionally
/// with remote keys never fetched.
/// </summary>
public static class DiagnosticConfigLoader
{
    /// <exception cref="DiagnosticInputException">A <c>Gateway:*</c> setting is not valid.</exception>
    public static async Task<DiagnosticConfig> LoadAsync(string text, string source, IConfiguration settings, DateTimeOffset? at,
        bool offline, Func<TimeProvider, ILoggerFactory, ISecretSource>? secretSource = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = GatewaySettings.Read(settings).Problems;
        if (problems.Count > 0)
        {
            throw new DiagnosticInputException(string.Join("; ", problems));
        }

        var clock = new FixedTimeProvider(at ?? TimeProvider.System.GetUtcNow());
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
