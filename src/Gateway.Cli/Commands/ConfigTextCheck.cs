using Azure.Identity;
using FunctionGateway.Azure.Secrets;
using FunctionGateway.Configuration.Validation;
using FunctionGateway.Configuration;
using FunctionGateway.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionGateway.Cli.Commands;

/// <summary>
/// Checks a config text the way the gateway's loader does, for <c>validate</c> and <c>push</c>: with references
/// resolved from the settings and Key Vault (<c>--resolve</c>), or left as written and checked for presence only.
/// </summary>
internal static class ConfigTextCheck
{
    /// <summary>The check, and where <c>$secret</c> references were resolved from (null when unresolved, when <paramref name="settings"/> may be null).</summary>
    /// <exception cref="CommandInputException"><c>Gateway:KeyVault:Uri</c> is set to something unusable.</exception>
    public static async Task<(ConfigCheck Check, string? SecretSource)> RunAsync(string text, bool resolve, GatewayHostKind host,
        IConfiguration? settings, CancellationToken cancellationToken)
    {
        if (!resolve)
        {
            return (ConfigChecker.CheckUnresolved(text, host), null);
        }

        ArgumentNullException.ThrowIfNull(settings);
        var gatewaySettings = GatewaySettings.Read(settings);
        if (gatewaySettings.KeyVaultUri is null
            && gatewaySettings.Problems.FirstOrDefault(p => p.StartsWith(GatewaySettings.KeyVaultUriKey, StringComparison.Ordinal)) is { } problem)
        {
            throw new CommandInputException(problem);
        }

        var secrets = SecretSources.FromSettings(settings, gatewaySettings, new DefaultAzureCredential(), TimeProvider.System, NullLoggerFactory.Instance);
        return (await ConfigChecker.CheckAsync(text, settings, secrets, host, cancellationToken), secrets.Name);
    }
}
