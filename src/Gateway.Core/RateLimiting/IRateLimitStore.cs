namespace FunctionGateway.RateLimiting;

/// <summary>
/// Where the counters live: in this process, or in a store every instance shares. A store that cannot answer
/// throws <see cref="RateLimitStoreException"/> promptly, and the policy's <c>on_store_error</c> decides.
/// </summary>
public interface IRateLimitStore
{
    /// <summary>"memory" or "redis", for logs and <c>gateway explain</c>.</summary>
    string Name { get; }

    /// <summary>True when every instance of the gateway shares the counters.</summary>
    bool IsShared { get; }

    /// <summary>Counts one request under the policy and key, unless the policy's limit is reached.</summary>
    ValueTask<RateLimitDecision> AcquireAsync(RateLimitPolicy policy, string key, CancellationToken cancellationToken);
}
