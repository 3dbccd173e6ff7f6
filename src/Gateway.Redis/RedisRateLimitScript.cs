using FunctionGateway.RateLimiting;
using StackExchange.Redis;

namespace FunctionGateway.Redis;

/// <summary>
/// The counters' arithmetic in Redis: one atomic script per check, one round trip, the same arithmetic as the
/// in-memory counter (RateLimitCounter). Time comes from the calling instance, so that every instance and
/// the tests agree on the windows, which are aligned on the Unix epoch.
/// </summary>
/// <remarks>
/// Our own script rather than RedisRateLimiting's limiters: its sliding window keeps one sorted-set member per
/// request (a 10,000-a-day quota would hold 10,000 members per client) and answers no retry time, its fixed
/// window truncates Retry-After to whole seconds (0 in a window's last second), and it builds one limiter object
/// per key in every instance. This script keeps two integers per key for every algorithm.
/// </remarks>
internal static class RedisRateLimitScript
{
    // KEYS[1]: the counter (fixed, sliding: the current window's; bucket: the bucket's hash). KEYS[2]: the
    // previous window's counter (sliding only). ARGV: algorithm, now (ms), limit, window or period (ms), tokens per period.
    // Returns { allowed, remaining, reset ms, retry ms, previous count, current count }.
    public const string Text = """
        local algorithm = tonumber(ARGV[1])
        local now = tonumber(ARGV[2])
        local limit = tonumber(ARGV[3])
        local period = tonumber(ARGV[4])
        if algorithm == 0 then
          local count = tonumber(redis.call('GET', KEYS[1]) or '0')
          local reset = period - (now % period)
          if count < limit then
            count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], period + 1000) end
            return { 1, limit - count, reset, 0, 0, count }
          end
          return { 0, 0, reset, reset, 0, count }
        elseif algorithm == 1 then
          local count = tonumber(redis.call('GET', KEYS[1]) or '0')
          local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
          local elapsed = now % period
          local estimate = previous * (period - elapsed) / period + count
          if estimate + 1 <= limit then
            count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], 2 * period + 1000) end
            return { 1, math.floor(limit - estimate - 1), period - elapsed, 0, previous, count }
          end
          return { 0, 0, period - elapsed, 0, previous, count }
        end
        local per_period = tonumber(ARGV[5])
        local state = redis.call('HMGET', KEYS[1], 't', 'r')
        local tokens = tonumber(state[1])
        local refilled = tonumber(state[2])
        if not tokens or not refilled then
          tokens = limit
          refilled = now
        end
        local periods = math.floor((now - refilled) / period)
        if periods > 0 then
          tokens = math.min(limit, tokens + periods * per_period)
          refilled = refilled + periods * period
        end
        local allowed = 0
        if tokens >= 1 then
          tokens = tokens - 1
          allowed = 1
        end
        local since = math.max(0, now - refilled)
        local to_full = 0
        if tokens < limit then to_full = math.ceil((limit - tokens) / per_period) * period - since end
        redis.call('HSET', KEYS[1], 't', tokens, 'r', refilled)
        redis.call('PEXPIRE', KEYS[1], to_full + period)
        local retry = 0
        if allowed == 0 then retry = period - since end
        return { allowed, tokens, to_full, retry, 0, 0 }
        """;

    public static RedisValue[] Arguments(RateLimitPolicy policy, long now) =>
    [
        (int)policy.Algorithm,
        now,
        policy.Limit,
        policy.PeriodMilliseconds,
        policy.TokensPerPeriod,
    ];

    /// <summary>Reads the script's answer; a sliding window's retry time is worked out here, as in memory.</summary>
    public static RateLimitDecision Decision(RateLimitPolicy policy, long now, RedisResult result)
    {
        var values = (long[])result!;
        var allowed = values[0] == 1;
        var retry = values[3];
        if (!allowed && policy.Algorithm == RateLimitAlgorithm.SlidingWindow)
        {
            retry = policy.SlidingRetryAfter(now % policy.PeriodMilliseconds, values[4], values[5]);
        }

        return new RateLimitDecision(allowed, values[1], values[2], retry);
    }
}
