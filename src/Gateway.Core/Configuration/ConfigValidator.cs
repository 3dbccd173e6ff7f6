using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Configuration;

/// <summary>Runs every rule and returns every issue, so that one run of the validator shows all that is wrong.</summary>
internal static class ConfigValidator
{
    private static readonly IConfigRule[] Rules =
    [
        new ServerRule(),
        new PathRule(),
        new IntegrationRule(),
        new DuplicateRouteRule(),
        new AuthorizerRule(),
        new AuthorizerReferenceRule(),
        new ClaimRulesRule(),
        new MappingRule(),
        new CorsRule(),
    ];

    public static void Validate(GatewayConfig config, List<ConfigIssue> issues)
    {
        foreach (var rule in Rules)
        {
            rule.Check(config, issues);
        }
    }
}
