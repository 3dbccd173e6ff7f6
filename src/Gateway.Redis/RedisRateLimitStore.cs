using FunctionGateway.RateLimiting;
using StackExchange.Redis;

namespace FunctionGateway.Redis;

/// <summary>Counters in Redis, shared by every instance of the gateway: one script call, one round trip per check.</summary>
internal sealed class RedisRateLimitStore(RedisConnection connection, TimeProvider timeProvider) : IRateLimitStore
{
    public string Name => "redis";

    public bool IsShared => true;

    public async ValueTask<RateLimitDecision> AcquireAsync(RateLimitPolicy policy, string key, CancellationToken cancellationToken)
    {
        var database = await connection.GetDatabaseAsync();
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        RedisResult result;
        try
        {
            result = await database.ScriptEvaluateAsync(RedisRateLimitScript.Text, RedisRateLimitKeys.For(policy, key, now),
                RedisRateLimitScript.Arguments(policy, now));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // RedisTimeoutException is a TimeoutException; connection and server errors are RedisExceptions.
            throw new RateLimitStoreException(ex.Message, ex);
        }

        return RedisRateLimitScript.Decision(policy, now, result);
    }
}
