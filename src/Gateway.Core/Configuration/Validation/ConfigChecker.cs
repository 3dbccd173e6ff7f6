using FunctionGateway.Secrets;
using Microsoft.Extensions.Configuration;
namespace FunctionGateway.Configuration.Validation;

/// <summary>
/// Parses, resolves references, reads and validates a config: the steps before a runtime is built, shared by
/// the loader and the command-line tools.
/// </summary>
/// <remarks>
/// A value that holds a reference is known only once the reference resolves. Without resolving (a config
/// checked offline, or a reference that failed), the reference's text stays in place, and the validator's
/// findings at that value's location are dropped: they would judge the reference's text, not the value the
/// gateway will use. Every other value, and every check that does not read such a value, runs as usual.
/// A host that loads a config to serve it runs only what decides whether it can be served, and leaves the
/// <see cref="ILintRule"/>s to <see cref="ConfigCheck.LaterWarnings"/>, called once the config is live.
/// </remarks>
public static class ConfigChecker
{
    /// <summary>Checks a config with its references resolved from <paramref name="settings"/> and <paramref name="secrets"/>.</summary>
    public static Task<ConfigCheck> CheckAsync(string text, IConfiguration settings, ISecretSource secrets,
        GatewayHostKind host, CancellationToken cancellationToken = default) =>
        CheckAsync(text, settings, secrets, host, lintLater: false, cancellationToken);

    /// <summary>As the public overload; with <paramref name="lintLater"/>, the lint rules are left to <see cref="ConfigCheck.LaterWarnings"/>.</summary>
    internal static async Task<ConfigCheck> CheckAsync(string text, IConfiguration settings, ISecretSource secrets,
        GatewayHostKind host, bool lintLater, CancellationToken cancellationToken)
    {
        var issues = new List<ConfigIssue>();
        var root = ConfigParser.Parse(text, issues);
        if (root is null)
        {
            return new ConfigCheck(null, issues, [], referencesResolved: true);
        }

        var resolved = await new ReferenceResolver(settings, secrets).ResolveAsync(root, issues, cancellationToken);
        var config = ReadAndValidate(root, issues, resolved, host, lintLater);
        if (host == GatewayHostKind.AzureFunctions && config.RateLimits.Count > 0 && string.IsNullOrWhiteSpace(settings[RateLimitConfig.RedisSetting]))
        {
            // The platform starts as many instances as it likes: a limit each of them counts alone is multiplied by their number.
            issues.Add(new ConfigIssue("rate_limits",
                $"are counted in memory on each instance, so every instance the platform starts allows the full limit; set {RateLimitConfig.RedisSetting} to share the counters",
                ConfigSeverity.Warning));
        }

        return new ConfigCheck(config, issues, resolved.References, referencesResolved: true,
            lintLater ? () => Lint(config, resolved) : null);
    }

    /// <summary>Checks a config as written, leaving every <c>$env</c> and <c>$secret</c> reference unresolved.</summary>
    public static ConfigCheck CheckUnresolved(string text, GatewayHostKind host = GatewayHostKind.Standalone)
    {
        var issues = new List<ConfigIssue>();
        var root = ConfigParser.Parse(text, issues);
        if (root is null)
        {
            return new ConfigCheck(null, issues, [], referencesResolved: false);
        }

        var unresolved = new ResolvedReferences(ReferenceResolver.Scan(root), redactions: []);
        return new ConfigCheck(ReadAndValidate(root, issues, unresolved, host, lintLater: false), issues, unresolved.References, referencesResolved: false);
    }

    private static GatewayConfig ReadAndValidate(System.Text.Json.Nodes.JsonObject root, List<ConfigIssue> issues,
        ResolvedReferences references, GatewayHostKind host, bool lintLater)
    {
        var checkedFrom = issues.Count;
        var config = ConfigReader.Read(root, issues);
        ConfigValidator.Validate(config, issues, host, skipLint: lintLater);
        // Drops what was found about values still holding a reference's text, and shows secrets as their references.
        references.Screen(issues, checkedFrom);
        return config;
    }

    // Screened as the rest: every issue it finds was found after the references were read.
    private static List<ConfigIssue> Lint(GatewayConfig config, ResolvedReferences references)
    {
        var issues = new List<ConfigIssue>();
        ConfigValidator.Lint(config, issues);
        references.Screen(issues, 0);
        return issues;
    }
}
