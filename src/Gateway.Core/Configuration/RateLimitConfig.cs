namespace FunctionGateway.Configuration;

/// <summary>
/// A named policy of the config's <c>rate_limits</c>: whose requests it counts (<see cref="Key"/>), how, and
/// what happens when the key is missing or the counter store cannot be reached. The choices are kept as
/// written; the validator checks them and names the location of each mistake.
/// </summary>
public sealed record RateLimitConfig
{
    public const string FixedWindow = "fixed_window";
    public const string SlidingWindow = "sliding_window";
    public const string TokenBucket = "token_bucket";
    public const string MissingKeyShared = "shared";
    public const string MissingKeyReject = "reject";
    public const string StoreErrorOpen = "open";
    public const string StoreErrorClosed = "closed";

    /// <summary>The setting that shares the counters in Redis, read by src/Gateway.Redis; the engine only checks whether it is set.</summary>
    public const string RedisSetting = "Gateway:RateLimit:Redis";

    /// <summary>The policy's name: its key in <c>rate_limits</c>, and its name in the RateLimit headers.</summary>
    public required string Name { get; init; }

    /// <summary><c>$request.jwt.CLAIM</c>, <c>$request.header.NAME</c>, <c>$client.address</c> or a constant.</summary>
    public string? Key { get; init; }

    public string? Algorithm { get; init; }

    /// <summary>Requests per window, or the bucket's size for a token bucket.</summary>
    public int? Limit { get; init; }

    public int? WindowSeconds { get; init; }

    public int? TokensPerPeriod { get; init; }

    public int? PeriodSeconds { get; init; }

    /// <summary><c>shared</c> (the default: requests without the key share one counter) or <c>reject</c> (400).</summary>
    public string OnMissingKey { get; init; } = MissingKeyShared;

    /// <summary><c>open</c> (the default: serve, counting on this instance) or <c>closed</c> (503).</summary>
    public string OnStoreError { get; init; } = StoreErrorOpen;

    /// <summary>True to count requests before their token is checked, to shed unauthenticated load.</summary>
    public bool BeforeAuth { get; init; }

    /// <summary>False to send the RateLimit headers only on a 429, not on every answer.</summary>
    public bool Headers { get; init; } = true;

    /// <summary>The keys the policy's JSON has, so that a number the reader refused is not also said to be missing.</summary>
    public IReadOnlySet<string> GivenKeys { get; init; } = new HashSet<string>();

    /// <summary>Where the policy is in the config, for messages: <c>rate_limits.NAME</c>.</summary>
    public string Location => $"rate_limits.{Name}";
}
