using System.Text.Json;
using FunctionGateway.Authorization;
using FunctionGateway.Errors;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>A route's claim rules one by one, each matched by the engine's <see cref="ClaimRule"/>.</summary>
internal static class ClaimRuleDiagnosis
{
    public static IReadOnlyList<CheckResult> Check(ClaimRuleSet rules, JsonElement claims)
    {
        var results = new List<CheckResult>();
        foreach (var rule in rules.RequireAll)
        {
            results.Add(Result("require_all", rule, claims, failIfUnmatched: true));
        }

        var anyMatched = rules.RequireAny.Any(r => r.Matches(claims));
        foreach (var rule in rules.RequireAny)
        {
            // One match is enough: the others are reported, but fail the route only when none matches.
            results.Add(Result("require_any", rule, claims, failIfUnmatched: !anyMatched));
        }

        return results;
    }

    private static CheckResult Result(string kind, ClaimRule rule, JsonElement claims, bool failIfUnmatched)
    {
        var actual = claims.TryGetProperty(rule.Claim, out var value) ? value.GetRawText() : "(no such claim)";
        if (rule.Matches(claims))
        {
            return CheckResult.Pass(kind, $"claim {rule}", actual);
        }

        return failIfUnmatched
            ? CheckResult.Fail(kind, $"claim {rule}", actual, GatewayErrors.InsufficientScope,
                rule.Claim is "scope" or "scp" ? "scope and scp match any one of their space-separated items; the comparison is case-sensitive" : null)
            : new CheckResult(kind, CheckStatus.Failed, $"claim {rule}", actual, null, "no match, but another require_any rule matched, which is enough");
    }
}
