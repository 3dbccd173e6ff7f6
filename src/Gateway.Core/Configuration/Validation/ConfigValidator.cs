using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Configuration.Validation;

/// <summary>Runs every rule and returns every issue, so that one run of the validator shows all that is wrong.</summary>
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

    public static void Validate(GatewayConfig config, List<ConfigIssue> issues, GatewayHostKind host = GatewayHostKind.Standalone)
    {
        foreach (var rule in Rules)
        {
            rule.Check(config, issues);
        }

        new ReservedPathRule(host).Check(config, issues);
    }
}
