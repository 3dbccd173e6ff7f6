using System.Globalization;
using FunctionGateway.Configuration;

namespace FunctionGateway.RateLimiting;

/// <summary>A validated <c>rate_limits</c> policy, compiled for the request path: its numbers in milliseconds and its header item written once.</summary>
public sealed class RateLimitPolicy
{
    private RateLimitPolicy(RateLimitConfig config, RateLimitKey key, RateLimitAlgorithm algorithm)
    {
        Name = config.Name;
        Key = key;
        Algorithm = algorithm;
        Limit = config.Limit!.Value;
        if (algorithm == RateLimitAlgorithm.TokenBucket)
        {
            TokensPerPeriod = config.TokensPerPeriod!.Value;
            PeriodMilliseconds = config.PeriodSeconds!.Value * 1000L;
            // The time an empty bucket takes to fill: the window a client may plan over.
            WindowSeconds = (long)Math.Ceiling((double)Limit / TokensPerPeriod) * config.PeriodSeconds!.Value;
        }
        else
        {
            WindowSeconds = config.WindowSeconds!.Value;
            PeriodMilliseconds = WindowSeconds * 1000L;
        }

        RejectMissingKey = config.OnMissingKey == RateLimitConfig.MissingKeyReject;
        FailClosed = config.OnStoreError == RateLimitConfig.StoreErrorClosed;
        BeforeAuth = config.BeforeAuth;
        SendHeaders = config.Headers;
        Description = algorithm == RateLimitAlgorithm.TokenBucket
            ? string.Create(CultureInfo.InvariantCulture, $"a bucket of {Limit} requests, refilled by {TokensPerPeriod} every {PeriodMilliseconds / 1000} s")
            : string.Create(CultureInfo.InvariantCulture, $"{Limit} requests per {WindowSeconds} s ({AlgorithmName(algorithm)})");
        PolicyItem = string.Create(CultureInfo.InvariantCulture, $"\"{Name}\";q={Limit};w={WindowSeconds}");
        // The counters' identity: a reload that keeps the policy as it was keeps counting where it was;
        // a changed policy starts afresh rather than reading counts made under other numbers.
        StoreId = string.Create(CultureInfo.InvariantCulture,
            $"{Name}:{AlgorithmName(algorithm)}:{Limit}:{PeriodMilliseconds}:{TokensPerPeriod}:{key.Expression}");
    }

    public string Name { get; }

    public RateLimitKey Key { get; }

    public RateLimitAlgorithm Algorithm { get; }

    /// <summary>Requests per window, or the bucket's size.</summary>
    public long Limit { get; }

    /// <summary>The window, or for a token bucket the time an empty bucket takes to fill.</summary>
    public long WindowSeconds { get; }

    /// <summary>The window in milliseconds, or a token bucket's refill period.</summary>
    public long PeriodMilliseconds { get; }

    public long TokensPerPeriod { get; }

    public bool RejectMissingKey { get; }

    public bool FailClosed { get; }

    public bool BeforeAuth { get; }

    public bool SendHeaders { get; }

    /// <summary>This policy's item of the <c>RateLimit-Policy</c> header: <c>"name";q=100;w=60</c>.</summary>
    public string PolicyItem { get; }

    /// <summary>Names the policy's counters in a store, across config reloads.</summary>
    public string StoreId { get; }

    /// <summary>
    /// For a sliding window that refused a request <paramref name="elapsed"/> ms into its current window, with
    /// <paramref name="previous"/> and <paramref name="count"/> requests counted in the previous and current
    /// windows: how long until one more would be allowed. Every store answers a refusal with this arithmetic.
    /// </summary>
    public long SlidingRetryAfter(long elapsed, long previous, long count) =>
        RateLimitCounter.SlidingRetryAfter(Limit, PeriodMilliseconds, elapsed, previous, count);

    /// <summary>Compiles a policy the validator has accepted.</summary>
    internal static RateLimitPolicy From(RateLimitConfig config)
    {
        if (!RateLimitKey.TryParse(config.Key ?? "", out var key, out _) || TryParseAlgorithm(config.Algorithm) is not { } algorithm)
        {
            throw new InvalidOperationException($"{config.Location} was not validated before the runtime was built.");
        }

        return new RateLimitPolicy(config, key!, algorithm);
    }

    public static RateLimitAlgorithm? TryParseAlgorithm(string? name) => name switch
    {
        RateLimitConfig.FixedWindow => RateLimitAlgorithm.FixedWindow,
        RateLimitConfig.SlidingWindow => RateLimitAlgorithm.SlidingWindow,
        RateLimitConfig.TokenBucket => RateLimitAlgorithm.TokenBucket,
        _ => null,
    };

    public static string AlgorithmName(RateLimitAlgorithm algorithm) => algorithm switch
    {
        RateLimitAlgorithm.FixedWindow => RateLimitConfig.FixedWindow,
        RateLimitAlgorithm.SlidingWindow => RateLimitConfig.SlidingWindow,
        _ => RateLimitConfig.TokenBucket,
    };

    /// <summary>How the policy reads in messages and tools: <c>100 requests per 60 s (fixed_window)</c>.</summary>
    public string Description { get; }

    public override string ToString() => Name;
}
