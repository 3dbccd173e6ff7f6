namespace FunctionGateway.Configuration.Validation;

/// <summary>
/// Runs every rule and returns every issue, so that one run of the validator shows all that is wrong. A host
/// loading a config to serve it may leave the <see cref="ILintRule"/>s for later (<see cref="Lint"/>): they
/// only warn, and the overlap search among them is the costliest check.
/// </summary>
internal static class ConfigValidator
{
    private static readonly IConfigRule[] Rules =
    [
        new ServerRule(),
        new PathRule(),
        new IntegrationRule(),
        new BackendRequestRule(),
        new StaticResponseRule(),
        new DuplicateRouteRule(),
        new AmbiguousOverlapRule(),
        new WildcardOrderRule(),
        new UnprotectedPathRule(),
        new AuthorizerRule(),
        new AuthorizerReferenceRule(),
        new ClaimRulesRule(),
        new MappingRule(),
        new CorsRule(),
        new RateLimitRule(),
    ];

    /// <summary>Runs the rules in their order; with <paramref name="skipLint"/>, only those that can find an error.</summary>
    public static void Validate(GatewayConfig config, List<ConfigIssue> issues, GatewayHostKind host = GatewayHostKind.Standalone, bool skipLint = false)
    {
        foreach (var rule in Rules)
        {
            if (!skipLint || rule is not ILintRule)
            {
                Run(rule, config, issues);
            }
        }

        new ReservedPathRule(host).Check(config, issues);
    }

    /// <summary>Runs the <see cref="ILintRule"/>s alone, in their order: what <see cref="Validate"/> skipped.</summary>
    public static void Lint(GatewayConfig config, List<ConfigIssue> issues)
    {
        foreach (var rule in Rules)
        {
            if (rule is ILintRule)
            {
                Run(rule, config, issues);
            }
        }
    }

    private static void Run(IConfigRule rule, GatewayConfig config, List<ConfigIssue> issues)
    {
        var from = issues.Count;
        rule.Check(config, issues);
        if (rule is ILintRule && issues.Skip(from).Any(i => i.Severity == ConfigSeverity.Error))
        {
            throw new InvalidOperationException($"{rule.GetType().Name} reported an error, but a lint rule may only warn: a host would serve that config.");
        }
    }
}
