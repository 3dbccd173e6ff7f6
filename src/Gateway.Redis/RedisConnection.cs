using FunctionGateway.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FunctionGateway.Redis;

/// <summary>
/// The one connection to Redis. It connects in the background from the start, reconnects by itself after an
/// outage, and while it is not connected every check fails at once with <see cref="RateLimitStoreException"/>
/// rather than waiting: a request never waits longer than <c>Gateway:RateLimit:TimeoutMilliseconds</c> for it.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    // After a failed first connection (a name that does not resolve, a refused token), how long until the next try.
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly RedisRateLimitSettings _settings;
    private readonly EntraRedisCredentials? _entra;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private Task<ConnectionMultiplexer>? _connecting;
    private DateTimeOffset _retryAt;
    private ITimer? _tokenRefresh;

    public RedisConnection(RedisRateLimitSettings settings, EntraRedisCredentials? entra, TimeProvider time, ILogger<RedisConnection> logger)
    {
        _settings = settings;
        _entra = entra;
        _time = time;
        _logger = logger;
        if (settings.Problem is { } problem)
        {
            RedisLog.BadSettings(logger, problem);
            return;
        }

        RedisLog.Using(logger, settings.Display, entra is null ? "connection string" : "Microsoft Entra, the app's identity");
        _ = Connecting();
    }

    public ValueTask<IDatabase> GetDatabaseAsync()
    {
        if (_settings.Problem is { } problem)
        {
            throw new RateLimitStoreException(problem);
        }

        var connecting = Connecting();
        return connecting.IsCompletedSuccessfully ? ValueTask.FromResult(Database(connecting.Result)) : WaitAsync(connecting);
    }

    public async ValueTask DisposeAsync()
    {
        _tokenRefresh?.Dispose();
        if (_connecting is { IsCompletedSuccessfully: true } connected)
        {
            await connected.Result.DisposeAsync();
        }
    }

    private IDatabase Database(ConnectionMultiplexer multiplexer) => multiplexer.IsConnected
        ? multiplexer.GetDatabase()
        : throw new RateLimitStoreException($"not connected to {_settings.Display}");

    private async ValueTask<IDatabase> WaitAsync(Task<ConnectionMultiplexer> connecting)
    {
        try
        {
            return Database(await connecting.WaitAsync(TimeSpan.FromMilliseconds(_settings.TimeoutMilliseconds), _time));
        }
        catch (TimeoutException)
        {
            throw new RateLimitStoreException($"still connecting to {_settings.Display}");
        }
        catch (Exception ex) when (ex is not RateLimitStoreException)
        {
            throw new RateLimitStoreException($"cannot connect to {_settings.Display}: {ex.Message}", ex);
        }
    }

    private Task<ConnectionMultiplexer> Connecting()
    {
        var current = _connecting;
        if (current is not null && !(current.IsFaulted && _time.GetUtcNow() >= _retryAt))
        {
            return current;
        }

        lock (_lock)
        {
            if (ReferenceEquals(current, _connecting))
            {
                _retryAt = _time.GetUtcNow() + RetryDelay;
                _connecting = ConnectAsync();
            }

            return _connecting!;
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        try
        {
            var options = _settings.Options!.Clone();
            if (_entra is not null)
            {
                await _entra.RefreshAsync(CancellationToken.None);
                options.Defaults = _entra;
            }

            var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
            if (_entra is not null)
            {
                ScheduleTokenRefresh(multiplexer);
            }

            return multiplexer;
        }
        catch (Exception ex)
        {
            RedisLog.ConnectFailed(_logger, _settings.Display, ex.Message);
            throw;
        }
    }

    // Azure Redis closes a connection whose token expires: sign in again with a new one five minutes before.
    private void ScheduleTokenRefresh(ConnectionMultiplexer multiplexer)
    {
        var due = _entra!.ExpiresOn - TimeSpan.FromMinutes(5) - _time.GetUtcNow();
        _tokenRefresh?.Dispose();
        _tokenRefresh = _time.CreateTimer(_ => _ = RefreshTokenAsync(multiplexer), null,
            due < TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : due, Timeout.InfiniteTimeSpan);
    }

    private async Task RefreshTokenAsync(ConnectionMultiplexer multiplexer)
    {
        try
        {
            await _entra!.RefreshAsync(CancellationToken.None);
            await _entra.SignInAgainAsync(multiplexer);
        }
        catch (Exception ex)
        {
            // A timer's task: whatever failed (the identity endpoint, Redis refusing AUTH), it is logged and tried again.
            RedisLog.TokenRefreshFailed(_logger, _settings.Display, ex.Message);
        }

        ScheduleTokenRefresh(multiplexer);
    }
}
