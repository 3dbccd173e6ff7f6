using System.Collections.Concurrent;

namespace FunctionGateway.RateLimiting;

/// <summary>
/// Counters in this process: the store without <c>Gateway:RateLimit:Redis</c>, and the local count of a
/// policy that fails open while the shared store is down. Counters outlive config reloads (they are found by
/// the policy's <see cref="RateLimitPolicy.StoreId"/>) and are dropped once expired, so keys that stop
/// coming do not keep memory.
/// </summary>
public sealed class MemoryRateLimitStore(TimeProvider timeProvider) : IRateLimitStore
{
    private readonly ConcurrentDictionary<string, PolicyCounters> _policies = new(StringComparer.Ordinal);

    public string Name => "memory";

    public bool IsShared => false;

    /// <summary>The keys counted now, over every policy: what a flood of distinct keys costs.</summary>
    internal int CounterCount => _policies.Values.Sum(p => p.Count);

    public ValueTask<RateLimitDecision> AcquireAsync(RateLimitPolicy policy, string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Acquire(policy, key));

    public RateLimitDecision Acquire(RateLimitPolicy policy, string key)
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var counters = _policies.GetOrAdd(policy.StoreId, static (_, p) => new PolicyCounters(p.PeriodMilliseconds), policy);
        counters.SweepIfDue(now);
        return counters.Get(key).Acquire(policy, now);
    }

    private sealed class PolicyCounters(long period)
    {
        // Sweeping once a window (at most once a minute) keeps the cost of a sweep off all but a few requests.
        private readonly long _sweepInterval = Math.Clamp(period, 1000, 60_000);
        private readonly ConcurrentDictionary<string, RateLimitCounter> _counters = new(StringComparer.Ordinal);
        private long _nextSweep;

        public int Count => _counters.Count;

        public RateLimitCounter Get(string key) =>
            _counters.TryGetValue(key, out var counter) ? counter : _counters.GetOrAdd(key, static _ => new RateLimitCounter());

        public void SweepIfDue(long now)
        {
            var due = Volatile.Read(ref _nextSweep);
            if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + _sweepInterval, due) != due)
            {
                return;
            }

            foreach (var (key, counter) in _counters)
            {
                if (counter.ExpiresAt <= now)
                {
                    _counters.TryRemove(new KeyValuePair<string, RateLimitCounter>(key, counter));
                }
            }
        }
    }
}
