using System.Globalization;
using FunctionGateway.Configuration;
using FunctionGateway.Hosting;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace FunctionGateway.Redis;

/// <summary>
/// <c>Gateway:RateLimit:Redis</c>: a StackExchange.Redis connection string, or the host name of an Azure Managed
/// Redis or Azure Cache for Redis alone (with an optional port), reached with the app's managed identity
/// (Microsoft Entra). <c>Gateway:RateLimit:TimeoutMilliseconds</c> bounds each check (default 500).
/// </summary>
internal sealed record RedisRateLimitSettings
{
    public const string TimeoutKey = "Gateway:RateLimit:TimeoutMilliseconds";
    public const int DefaultTimeoutMilliseconds = 500;

    // Host names of Azure's Redis services, public and sovereign clouds: alone, they mean Entra authentication.
    private static readonly string[] AzureRedisSuffixes =
        [".redis.azure.net", ".redis.cache.windows.net", ".redis.cache.chinacloudapi.cn", ".redis.cache.usgovcloudapi.net"];

    /// <summary>The connection's options (without any token), or null when <see cref="Problem"/> says why not.</summary>
    public ConfigurationOptions? Options { get; init; }

    /// <summary>True when the app's identity signs in, with a token as the password.</summary>
    public bool UsesEntra { get; init; }

    public int TimeoutMilliseconds { get; init; } = DefaultTimeoutMilliseconds;

    /// <summary>Where the counters live, for messages: endpoints only, never a password.</summary>
    public string Display { get; init; } = "";

    public string? Problem { get; init; }

    /// <summary>The settings in <paramref name="configuration"/>, bound as the hosts bind them (<see cref="GatewayOptions"/>).</summary>
    public static RedisRateLimitSettings? Read(IConfiguration configuration) => From(GatewayOptions.Bind(configuration).RateLimit);

    /// <summary>The settings, or null when <c>Gateway:RateLimit:Redis</c> is not set (counters stay in memory).</summary>
    public static RedisRateLimitSettings? From(GatewayRateLimitOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var value = settings.Redis?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var timeout = DefaultTimeoutMilliseconds;
        var timeoutText = settings.TimeoutMilliseconds;
        if (!string.IsNullOrWhiteSpace(timeoutText)
            && (!int.TryParse(timeoutText, NumberStyles.None, CultureInfo.InvariantCulture, out timeout) || timeout is < 10 or > 60_000))
        {
            return new RedisRateLimitSettings
            {
                Problem = $"{TimeoutKey} is '{timeoutText}': expected whole milliseconds from 10 to 60000 (default {DefaultTimeoutMilliseconds})",
            };
        }

        ConfigurationOptions options;
        var entra = IsAzureHostName(value);
        try
        {
            options = ConfigurationOptions.Parse(entra ? $"{value},ssl=true" : value);
        }
        catch (ArgumentException)
        {
            // The exception's message may quote the value, password included.
            return new RedisRateLimitSettings { Problem = $"{RateLimitConfig.RedisSetting} is not a valid Redis connection string" };
        }

        if (options.EndPoints.Count == 0)
        {
            return new RedisRateLimitSettings { Problem = $"{RateLimitConfig.RedisSetting} names no Redis host" };
        }

        if (entra && value.IndexOf(':', StringComparison.Ordinal) < 0)
        {
            // Azure Managed Redis listens on 10000, Azure Cache for Redis on 6380 for TLS.
            options.EndPoints.Clear();
            options.EndPoints.Add(value, value.EndsWith(".redis.azure.net", StringComparison.OrdinalIgnoreCase) ? 10000 : 6380);
        }

        Bound(options, timeout);
        return new RedisRateLimitSettings
        {
            Options = options,
            UsesEntra = entra,
            TimeoutMilliseconds = timeout,
            Display = string.Join(",", options.EndPoints.Select(e => EndPointCollection.ToString(e))),
        };
    }

    // A rate limit check must never hold a request long: fail fast while disconnected (no queue of commands
    // waiting for a reconnect), bound every command, and keep reconnecting in the background.
    private static void Bound(ConfigurationOptions options, int timeout)
    {
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.AsyncTimeout = timeout;
        options.SyncTimeout = timeout;
        options.ConnectTimeout = Math.Max(timeout, 2000);
        options.ConnectRetry = 1;
        options.ReconnectRetryPolicy = new ExponentialRetry(500, 5000);
        options.ClientName ??= "function-gateway";
    }

    private static bool IsAzureHostName(string value)
    {
        if (value.AsSpan().IndexOfAny(",=") >= 0)
        {
            return false;
        }

        var colon = value.LastIndexOf(':');
        var host = colon < 0 ? value : value[..colon];
        return Array.Exists(AzureRedisSuffixes, s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }
}
