using System.Text.RegularExpressions;
using FunctionGateway.RateLimiting;

namespace FunctionGateway.Configuration.Validation;

/// <summary>
/// Rate limit policies have a name the RateLimit headers can carry, a key the gateway can read, an algorithm
/// with its numbers and no others, and known choices; every path's <c>rate_limit</c> names policies that exist
/// and that can be counted where the route is (a claim needs a token).
/// </summary>
internal sealed partial class RateLimitRule : IConfigRule
{
    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        var policies = new Dictionary<string, RateLimitConfig>(StringComparer.Ordinal);
        foreach (var policy in config.RateLimits)
        {
            policies[policy.Name] = policy;
            CheckPolicy(policy, issues);
        }

        for (var i = 0; i < config.Paths.Count; i++)
        {
            CheckPath(config.Paths[i], $"paths[{i}]", policies, issues);
        }

        var used = config.Paths.SelectMany(p => p.RateLimitNames).ToHashSet(StringComparer.Ordinal);
        foreach (var policy in config.RateLimits.Where(p => !used.Contains(p.Name)))
        {
            issues.Add(new ConfigIssue(policy.Location, "is not named by any path's 'rate_limit', so it limits nothing", ConfigSeverity.Warning));
        }
    }

    private static void CheckPolicy(RateLimitConfig policy, List<ConfigIssue> issues)
    {
        var at = policy.Location;
        if (!NamePattern().IsMatch(policy.Name))
        {
            issues.Add(new ConfigIssue(at, $"'{policy.Name}' is not a valid policy name; use letters, digits, '_', '.' and '-'"));
        }

        RateLimitKey? key = null;
        if (policy.Key is not null && !RateLimitKey.TryParse(policy.Key, out key, out var keyError))
        {
            issues.Add(new ConfigIssue($"{at}.key", keyError!));
        }
        else if (policy.BeforeAuth && key is { ReadsToken: true })
        {
            issues.Add(new ConfigIssue($"{at}.before_auth",
                $"is true but the key {policy.Key} reads the token, which is checked after 'before_auth' policies; key by $client.address or a header"));
        }

        if (policy.OnMissingKey is not (RateLimitConfig.MissingKeyShared or RateLimitConfig.MissingKeyReject))
        {
            issues.Add(new ConfigIssue($"{at}.on_missing_key", $"'{policy.OnMissingKey}' is not a choice; use 'shared' (requests without the key share one counter) or 'reject' (400)"));
        }

        if (policy.OnStoreError is not (RateLimitConfig.StoreErrorOpen or RateLimitConfig.StoreErrorClosed))
        {
            issues.Add(new ConfigIssue($"{at}.on_store_error", $"'{policy.OnStoreError}' is not a choice; use 'open' (serve, counting on each instance) or 'closed' (503)"));
        }

        CheckNumbers(policy, at, issues);
    }

    private static void CheckNumbers(RateLimitConfig policy, string at, List<ConfigIssue> issues)
    {
        if (!policy.GivenKeys.Contains("limit"))
        {
            issues.Add(new ConfigIssue($"{at}.limit", $"is required: a whole number from 1 to {RateLimitReader.MaxLimit}"));
        }

        var algorithm = RateLimitPolicy.TryParseAlgorithm(policy.Algorithm);
        if (policy.Algorithm is not null && algorithm is null)
        {
            issues.Add(new ConfigIssue($"{at}.algorithm", $"'{policy.Algorithm}' is not an algorithm; use fixed_window, sliding_window or token_bucket"));
            return;
        }

        if (algorithm == RateLimitAlgorithm.TokenBucket)
        {
            Require(policy, "tokens_per_period", "the tokens added to the bucket every period", issues);
            Require(policy, "period_seconds", "the seconds between refills", issues);
            Forbid(policy, "window_seconds", "a token bucket has no window: it is refilled by tokens_per_period every period_seconds", issues);
            if (policy.TokensPerPeriod > policy.Limit)
            {
                issues.Add(new ConfigIssue($"{at}.tokens_per_period",
                    $"is {policy.TokensPerPeriod}, more than the bucket's limit of {policy.Limit}: a refill cannot add more than the bucket holds"));
            }
        }
        else if (algorithm is not null)
        {
            Require(policy, "window_seconds", "the window's length (86400 for a daily quota)", issues);
            Forbid(policy, "tokens_per_period", $"only a token_bucket has it; a {policy.Algorithm} counts 'limit' requests per 'window_seconds'", issues);
            Forbid(policy, "period_seconds", $"only a token_bucket has it; a {policy.Algorithm} counts 'limit' requests per 'window_seconds'", issues);
        }
    }

    // A key given with a bad value has been reported by the reader; only a missing one is left to report.
    private static void Require(RateLimitConfig policy, string key, string what, List<ConfigIssue> issues)
    {
        if (!policy.GivenKeys.Contains(key))
        {
            issues.Add(new ConfigIssue($"{policy.Location}.{key}", $"is required: {what}"));
        }
    }

    private static void Forbid(RateLimitConfig policy, string key, string why, List<ConfigIssue> issues)
    {
        if (policy.GivenKeys.Contains(key))
        {
            issues.Add(new ConfigIssue($"{policy.Location}.{key}", $"does not apply: {why}"));
        }
    }

    private static void CheckPath(PathConfig path, string at, Dictionary<string, RateLimitConfig> policies, List<ConfigIssue> issues)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < path.RateLimitNames.Count; n++)
        {
            var name = path.RateLimitNames[n];
            var location = path.RateLimitNames.Count == 1 ? $"{at}.rate_limit" : $"{at}.rate_limit[{n}]";
            if (!policies.TryGetValue(name, out var policy))
            {
                issues.Add(new ConfigIssue(location, policies.Count == 0
                    ? $"unknown policy '{name}': the config has no 'rate_limits'"
                    : $"unknown policy '{name}'; defined: {string.Join(", ", policies.Keys)}"));
            }
            else if (!seen.Add(name))
            {
                issues.Add(new ConfigIssue(location, $"names policy '{name}' twice; each request would be counted twice"));
            }
            else if (!path.Auth && policy.Key is not null && RateLimitKey.TryParse(policy.Key, out var key, out _) && key!.ReadsToken)
            {
                issues.Add(new ConfigIssue(location,
                    $"policy '{name}' counts by {policy.Key} but the path has no 'auth': there is no token to read the claim from"));
            }
        }
    }
}
