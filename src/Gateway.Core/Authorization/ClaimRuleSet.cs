using System.Text.Json;
using FunctionGateway.Configuration;

namespace FunctionGateway.Authorization;

/// <summary>A route's claim rules: every rule of <c>require_all</c> and, when there are any, one of <c>require_any</c>.</summary>
public sealed class ClaimRuleSet(AuthorizationConfig config)
{
    private readonly ClaimRule[] _all = [.. config.RequireAll.Select(r => new ClaimRule(r))];
    private readonly ClaimRule[] _any = [.. config.RequireAny.Select(r => new ClaimRule(r))];

    public IReadOnlyList<ClaimRule> RequireAll => _all;

    public IReadOnlyList<ClaimRule> RequireAny => _any;

    public bool TryCheck(JsonElement claims, out string? reason)
    {
        reason = null;
        foreach (var rule in _all)
        {
            if (!rule.Matches(claims))
            {
                reason = $"the route requires claim {rule} (require_all)";
                return false;
            }
        }

        if (_any.Length == 0)
        {
            return true;
        }

        foreach (var rule in _any)
        {
            if (rule.Matches(claims))
            {
                return true;
            }
        }

        reason = $"the route requires one of: {string.Join("; ", _any.Select(r => $"claim {r}"))} (require_any)";
        return false;
    }
}
