namespace FunctionGateway.RateLimiting;

/// <summary>
/// One key's counter in memory. The arithmetic is the same as the shared store's script (RedisRateLimitStore),
/// so a limit answers alike on one instance and on many: windows are aligned on the Unix epoch, in milliseconds.
/// </summary>
internal sealed class RateLimitCounter
{
    private readonly Lock _lock = new();
    private long _window = long.MinValue;
    private long _count;
    private long _previous;
    private long _tokens = -1;
    private long _refilledAt;

    /// <summary>When the counter holds nothing a new one would not: it may then be dropped.</summary>
    public long ExpiresAt { get; private set; }

    public RateLimitDecision Acquire(RateLimitPolicy policy, long now)
    {
        lock (_lock)
        {
            return policy.Algorithm switch
            {
                RateLimitAlgorithm.FixedWindow => FixedWindow(policy.Limit, policy.PeriodMilliseconds, now),
                RateLimitAlgorithm.SlidingWindow => SlidingWindow(policy.Limit, policy.PeriodMilliseconds, now),
                _ => TokenBucket(policy.Limit, policy.TokensPerPeriod, policy.PeriodMilliseconds, now),
            };
        }
    }

    private RateLimitDecision FixedWindow(long limit, long window, long now)
    {
        var index = now / window;
        if (index != _window)
        {
            _window = index;
            _count = 0;
        }

        var reset = ((index + 1) * window) - now;
        ExpiresAt = (index + 1) * window;
        if (_count < limit)
        {
            _count++;
            return new RateLimitDecision(true, limit - _count, reset, 0);
        }

        return new RateLimitDecision(false, 0, reset, reset);
    }

    private RateLimitDecision SlidingWindow(long limit, long window, long now)
    {
        var index = now / window;
        if (index != _window)
        {
            _previous = index == _window + 1 ? _count : 0;
            _count = 0;
            _window = index;
        }

        var elapsed = now - (index * window);
        ExpiresAt = (index + 2) * window;
        var estimate = (_previous * (double)(window - elapsed) / window) + _count;
        if (estimate + 1 <= limit)
        {
            _count++;
            return new RateLimitDecision(true, (long)Math.Floor(limit - estimate - 1), window - elapsed, 0);
        }

        return new RateLimitDecision(false, 0, window - elapsed, SlidingRetryAfter(limit, window, elapsed, _previous, _count));
    }

    /// <summary>How long until the weighted count leaves room for one more request.</summary>
    internal static long SlidingRetryAfter(long limit, long window, long elapsed, long previous, long count)
    {
        if (count + 1 > limit)
        {
            // Not before the next window, where this window's count weighs as the previous one's.
            var intoNext = (double)window * (count - limit + 1) / count;
            return window - elapsed + Ceiling(Math.Max(0, intoNext));
        }

        var at = (double)window * (previous - (limit - count - 1)) / previous;
        return Math.Max(1, Ceiling(at - elapsed));
    }

    // Whole milliseconds up, past the last bits of a double's rounding (48000.000000001 is 48000).
    private static long Ceiling(double milliseconds) => (long)Math.Ceiling(milliseconds - 1e-6);

    private RateLimitDecision TokenBucket(long limit, long perPeriod, long period, long now)
    {
        if (_tokens < 0)
        {
            _tokens = limit;
            _refilledAt = now;
        }

        var periods = (now - _refilledAt) / period;
        if (periods > 0)
        {
            _tokens = Math.Min(limit, _tokens + (periods * perPeriod));
            _refilledAt += periods * period;
        }

        var allowed = _tokens >= 1;
        if (allowed)
        {
            _tokens--;
        }

        var sincePeriod = now - _refilledAt;
        var toFull = _tokens >= limit ? 0 : ((long)Math.Ceiling((limit - _tokens) / (double)perPeriod) * period) - sincePeriod;
        ExpiresAt = now + toFull;
        return new RateLimitDecision(allowed, _tokens, toFull, allowed ? 0 : period - sincePeriod);
    }
}
