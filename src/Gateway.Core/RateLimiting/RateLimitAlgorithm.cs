namespace FunctionGateway.RateLimiting;

public enum RateLimitAlgorithm
{
    /// <summary>Counts requests in windows aligned on the clock; the count starts again at each window's start.</summary>
    FixedWindow,

    /// <summary>
    /// Counts the current window plus the previous one weighted by how much of it still overlaps the last
    /// <c>window_seconds</c>: no burst of twice the limit across a window's edge, and two counters per key.
    /// </summary>
    SlidingWindow,

    /// <summary>A bucket of <c>limit</c> tokens, refilled by <c>tokens_per_period</c> every <c>period_seconds</c>.</summary>
    TokenBucket,
}
