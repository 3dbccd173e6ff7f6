using FunctionGateway.Tests.Support;

namespace FunctionGateway.Redis.Tests.Support;

/// <summary>The config every Redis test runs: one route per policy.</summary>
internal static class LimitedConfig
{
    /// <summary>A minute's start plus 5 s: the tests read in whole windows of 60 s.</summary>
    public static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000 / 60 * 60).AddSeconds(5);

    public static readonly string Json = $$"""
        {
          "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "issuer": "{{Tokens.Issuer}}", "audience": "{{Tokens.Audience}}" },
          "rate_limits": {
            "fixed": { "key": "$request.header.X-Client", "algorithm": "fixed_window", "limit": 10, "window_seconds": 60 },
            "sliding": { "key": "$request.header.X-Client", "algorithm": "sliding_window", "limit": 10, "window_seconds": 60 },
            "bucket": { "key": "$request.header.X-Client", "algorithm": "token_bucket", "limit": 10, "tokens_per_period": 2, "period_seconds": 60 },
            "per-user": { "key": "$request.jwt.sub", "algorithm": "fixed_window", "limit": 3, "window_seconds": 60, "on_missing_key": "reject" },
            "per-ip": { "key": "$client.address", "algorithm": "fixed_window", "limit": 3, "window_seconds": 60, "before_auth": true },
            "tenant": { "key": "$request.header.X-Tenant", "algorithm": "fixed_window", "limit": 2, "window_seconds": 60 },
            "open": { "key": "$request.header.X-Client", "algorithm": "fixed_window", "limit": 3, "window_seconds": 60, "on_store_error": "open" },
            "closed": { "key": "$request.header.X-Client", "algorithm": "fixed_window", "limit": 3, "window_seconds": 60, "on_store_error": "closed" }
          },
          "paths": [
            { "method": "GET", "path": "/fixed", "rate_limit": "fixed", "response": { "ok": true } },
            { "method": "GET", "path": "/sliding", "rate_limit": "sliding", "response": { "ok": true } },
            { "method": "GET", "path": "/bucket", "rate_limit": "bucket", "response": { "ok": true } },
            { "method": "GET", "path": "/user", "auth": true, "rate_limit": "per-user", "response": { "ok": true } },
            { "method": "GET", "path": "/ip", "auth": true, "rate_limit": "per-ip", "response": { "ok": true } },
            { "method": "GET", "path": "/tenant", "rate_limit": "tenant", "response": { "ok": true } },
            { "method": "GET", "path": "/open", "rate_limit": "open", "response": { "ok": true } },
            { "method": "GET", "path": "/closed", "rate_limit": "closed", "response": { "ok": true } }
          ]
        }
        """;
}
