namespace FunctionGateway.Hosting;

/// <summary>
/// <c>Gateway:RateLimit:*</c>: where rate limit counters are shared. Checked where they are used (the Redis store
/// reports a bad value in its log and in each check it cannot make), not at start, so a bad value never stops the gateway.
/// </summary>
public sealed class GatewayRateLimitOptions
{
    /// <summary><c>Gateway:RateLimit:Redis</c>: a Redis connection string, or an Azure Redis host name alone (Microsoft Entra sign-in).</summary>
    public string? Redis { get; set; }

    /// <summary><c>Gateway:RateLimit:TimeoutMilliseconds</c>: whole milliseconds from 10 to 60000 (default 500).</summary>
    public string? TimeoutMilliseconds { get; set; }
}
