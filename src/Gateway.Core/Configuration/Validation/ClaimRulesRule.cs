namespace FunctionGateway.Configuration.Validation;

/// <summary>A path's claim rules each name a claim and at least one value, and the block holds at least one rule.</summary>
internal sealed class ClaimRulesRule : IConfigRule
{
    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        for (var i = 0; i < config.Paths.Count; i++)
        {
            if (config.Paths[i].Authorization is not { } authorization)
            {
                continue;
            }

            var at = $"paths[{i}].authorization";
            if (authorization.RequireAll.Count == 0 && authorization.RequireAny.Count == 0)
            {
                issues.Add(new ConfigIssue(at, "has no rules: add 'require_all' or 'require_any', or remove it"));
            }

            CheckRules(authorization.RequireAll, $"{at}.require_all", issues);
            CheckRules(authorization.RequireAny, $"{at}.require_any", issues);
        }
    }

    private static void CheckRules(IReadOnlyList<ClaimRuleConfig> rules, string at, List<ConfigIssue> issues)
    {
        for (var r = 0; r < rules.Count; r++)
        {
            // A claim the reader found missing or not a string has its issue already.
            if (rules[r].Claim.Length == 0 && !issues.Exists(i => i.Location == $"{at}[{r}].claim"))
            {
                issues.Add(new ConfigIssue($"{at}[{r}].claim", "must not be empty"));
            }

            if (rules[r].Values.Count == 0)
            {
                issues.Add(new ConfigIssue($"{at}[{r}].values", "must list at least one accepted value"));
            }
        }
    }
}
