namespace FunctionGateway.RateLimiting;

/// <summary>What a counter store answered for one request under one policy.</summary>
/// <param name="Allowed">True when the request was counted and may go on.</param>
/// <param name="Remaining">Requests still allowed now (the RateLimit header's <c>r</c>).</param>
/// <param name="ResetMilliseconds">Time until the quota is whole again (the header's <c>t</c>).</param>
/// <param name="RetryAfterMilliseconds">For a refused request, the time until one would be allowed.</param>
public readonly record struct RateLimitDecision(bool Allowed, long Remaining, long ResetMilliseconds, long RetryAfterMilliseconds)
{
    /// <summary>The answer for a policy that fails closed while the shared store is down.</summary>
    public static RateLimitDecision Unavailable { get; } = new(false, -1, 0, 0);

    public bool StoreUnavailable => Remaining < 0;

    /// <summary>Whole seconds, rounded up: a client told 0 would retry at once and be refused again.</summary>
    public static long Seconds(long milliseconds) => Math.Max(0, (milliseconds + 999) / 1000);
}
