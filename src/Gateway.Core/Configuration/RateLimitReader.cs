using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionGateway.Configuration;

/// <summary>Reads the config's <c>rate_limits</c> policies and a path's <c>rate_limit</c> (a policy name or a list of names).</summary>
internal static class RateLimitReader
{
    internal static readonly IReadOnlyList<string> PolicyKeys =
    [
        "key", "algorithm", "limit", "window_seconds", "tokens_per_period", "period_seconds",
        "on_missing_key", "on_store_error", "before_auth", "headers",
    ];

    // A year: the longest quota window anyone asks for, and far from the counters' overflow.
    internal const int MaxSeconds = 31_536_000;

    internal const int MaxLimit = 1_000_000_000;

    public static List<RateLimitConfig> ReadPolicies(ConfigNodeReader reader, JsonObject root)
    {
        var policies = new List<RateLimitConfig>();
        var obj = reader.Object(root, "rate_limits", "");
        if (obj is null)
        {
            return policies;
        }

        foreach (var (name, node) in obj)
        {
            var location = $"rate_limits.{name}";
            if (node is not JsonObject policy)
            {
                reader.Issues.Add(new ConfigIssue(location,
                    $"must be an object such as {{\"key\": \"$request.jwt.sub\", \"algorithm\": \"fixed_window\", \"limit\": 100, \"window_seconds\": 60}}, not {ConfigNodeReader.Describe(node)}"));
                continue;
            }

            reader.RejectUnknownKeys(policy, location, PolicyKeys);
            policies.Add(new RateLimitConfig
            {
                Name = name,
                Key = reader.String(policy, "key", location, required: true),
                Algorithm = reader.String(policy, "algorithm", location, required: true),
                Limit = reader.Int(policy, "limit", location, 1, MaxLimit),
                WindowSeconds = reader.Int(policy, "window_seconds", location, 1, MaxSeconds),
                TokensPerPeriod = reader.Int(policy, "tokens_per_period", location, 1, MaxLimit),
                PeriodSeconds = reader.Int(policy, "period_seconds", location, 1, MaxSeconds),
                OnMissingKey = reader.String(policy, "on_missing_key", location) ?? RateLimitConfig.MissingKeyShared,
                OnStoreError = reader.String(policy, "on_store_error", location) ?? RateLimitConfig.StoreErrorOpen,
                BeforeAuth = reader.Bool(policy, "before_auth", location) ?? false,
                Headers = reader.Bool(policy, "headers", location) ?? true,
                GivenKeys = policy.Select(p => p.Key).ToHashSet(StringComparer.Ordinal),
            });
        }

        return policies;
    }

    /// <summary>A path's <c>rate_limit</c>: one policy name or a list of them.</summary>
    public static IReadOnlyList<string> ReadPathPolicies(ConfigNodeReader reader, JsonObject path, string location)
    {
        if (!path.TryGetPropertyValue("rate_limit", out var node) || node is null)
        {
            return [];
        }

        if (node.GetValueKind() == JsonValueKind.String)
        {
            return [node.GetValue<string>()];
        }

        if (node.GetValueKind() != JsonValueKind.Array)
        {
            reader.Issues.Add(new ConfigIssue(ConfigNodeReader.Join(location, "rate_limit"),
                $"must be a policy name of 'rate_limits' or a list of names, not {ConfigNodeReader.Describe(node)}"));
            return [];
        }

        var names = reader.StringList(path, "rate_limit", location);
        if (names.Count == 0)
        {
            reader.Issues.Add(new ConfigIssue(ConfigNodeReader.Join(location, "rate_limit"),
                "is an empty list; name at least one policy of 'rate_limits', or leave 'rate_limit' out"));
        }

        return names;
    }
}
