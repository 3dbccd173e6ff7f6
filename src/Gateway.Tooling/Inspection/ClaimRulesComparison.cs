using FunctionGateway.Configuration;

namespace FunctionGateway.Tooling.Inspection;

/// <summary>Whether a route's new claim rules accept a token its old ones refused, and how.</summary>
internal static class ClaimRulesComparison
{
    /// <summary>The ways <paramref name="after"/> accepts more than <paramref name="before"/>; empty when it accepts no more.</summary>
    public static List<string> Weakenings(AuthorizationConfig? before, AuthorizationConfig? after)
    {
        var weaker = new List<string>();
        var oldAll = before?.RequireAll ?? [];
        var newAll = after?.RequireAll ?? [];
        foreach (var rule in oldAll)
        {
            // The old rule still holds when a new rule on the same claim accepts only values the old one accepted.
            if (!newAll.Any(n => n.Claim == rule.Claim && n.Values.All(rule.Values.Contains)))
            {
                var kept = newAll.FirstOrDefault(n => n.Claim == rule.Claim);
                weaker.Add(kept is null
                    ? $"require_all no longer checks '{rule.Claim}'"
                    : $"require_all accepts more values of '{rule.Claim}': {string.Join(", ", kept.Values.Except(rule.Values))}");
            }
        }

        var oldAny = before?.RequireAny ?? [];
        var newAny = after?.RequireAny ?? [];
        if (oldAny.Count > 0 && newAny.Count == 0)
        {
            weaker.Add($"require_any is gone (it needed one of: {string.Join(", ", oldAny.Select(r => r.Claim))})");
        }
        else if (oldAny.Count > 0)
        {
            foreach (var rule in newAny.Where(n => !oldAny.Any(o => o.Claim == n.Claim && n.Values.All(o.Values.Contains))))
            {
                weaker.Add($"require_any accepts a new alternative: '{rule.Claim}' in {string.Join(", ", rule.Values)}");
            }
        }

        return weaker;
    }

    public static bool Same(AuthorizationConfig? a, AuthorizationConfig? b) =>
        Text(a) == Text(b);

    public static string Text(AuthorizationConfig? rules) => rules is null || (rules.RequireAll.Count == 0 && rules.RequireAny.Count == 0)
        ? "none"
        : string.Join("; ", new[]
        {
            rules.RequireAll.Count == 0 ? null : "all of " + string.Join(", ", rules.RequireAll.Select(Rule)),
            rules.RequireAny.Count == 0 ? null : "any of " + string.Join(", ", rules.RequireAny.Select(Rule)),
        }.OfType<string>());

    private static string Rule(ClaimRuleConfig rule) => $"{rule.Claim} in [{string.Join(", ", rule.Values)}]";
}
