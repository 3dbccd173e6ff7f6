using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.RateLimiting;

public class RateLimitRuleTests
{
    private const string Auth = """ "authorizer": { "type": "jwt", "secret": "0123456789abcdef0123456789abcdef", "audience": "api" } """;

    private static Task<ConfigLoadResult> LoadAsync(string policies, string rateLimit = "\"p\"", bool auth = true) => TestServices.LoadAsync($$"""
        { {{Auth}}, "rate_limits": {{policies}},
          "paths": [{ "method": "GET", "path": "/a", "auth": {{(auth ? "true" : "false")}}, "rate_limit": {{rateLimit}}, "response": {} }] }
        """);

    [Fact]
    public async Task Load_IssueExample_Accepted()
    {
        var result = await TestServices.LoadAsync($$"""
            { {{Auth}}, "servers": [{ "alias": "orders", "url": "http://127.0.0.1:5000" }],
              "rate_limits": {
                "per-user":  { "key": "$request.jwt.sub", "algorithm": "fixed_window", "limit": 100, "window_seconds": 60,
                               "on_missing_key": "reject", "on_store_error": "open" },
                "per-ip":    { "key": "$client.address", "algorithm": "sliding_window", "limit": 20, "window_seconds": 10, "before_auth": true },
                "bucket":    { "key": "$request.header.X-Api-Client", "algorithm": "token_bucket", "limit": 50, "tokens_per_period": 10, "period_seconds": 1 },
                "daily":     { "key": "$request.jwt.sub", "algorithm": "fixed_window", "limit": 10000, "window_seconds": 86400 },
                "global":    { "key": "everyone", "algorithm": "fixed_window", "limit": 5000, "window_seconds": 1, "on_store_error": "closed", "headers": false }
              },
              "paths": [ { "method": "GET", "path": "/orders/{.+}", "auth": true, "rate_limit": ["per-user", "daily", "per-ip", "bucket"],
                           "integration": { "type": "http_proxy", "server": "orders" } },
                         { "method": "GET", "path": "/status", "rate_limit": "global", "response": {} } ]
            }
            """);

        Assert.NotNull(result.Runtime);
        Assert.Empty(result.Issues);
        var route = result.Runtime!.Routes.Match("GET", "/orders/1")!.Route;
        Assert.Equal(["per-ip"], route.BeforeAuthLimits.Select(p => p.Name));
        Assert.Equal(["per-user", "daily", "bucket"], route.Limits.Select(p => p.Name));
    }

    [Theory]
    [InlineData("""{ "p": { "algorithm": "fixed_window", "limit": 1, "window_seconds": 1 } }""", "rate_limits.p.key: is required")]
    [InlineData("""{ "p": { "key": "", "algorithm": "fixed_window", "limit": 1, "window_seconds": 1 } }""", "rate_limits.p.key: is empty; use $request.jwt.CLAIM")]
    [InlineData("""{ "p": { "key": "$request.query.x", "algorithm": "fixed_window", "limit": 1, "window_seconds": 1 } }""", "rate_limits.p.key: '$request.query.x' is not a key the gateway can read")]
    [InlineData("""{ "p": { "key": "$request.jwt.", "algorithm": "fixed_window", "limit": 1, "window_seconds": 1 } }""", "rate_limits.p.key: '$request.jwt.' does not end with a claim name")]
    [InlineData("""{ "p": { "key": "$request.header.X Client", "algorithm": "fixed_window", "limit": 1, "window_seconds": 1 } }""", "rate_limits.p.key: '$request.header.X Client' does not end with a header name")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "leaky_bucket", "limit": 1, "window_seconds": 1 } }""", "rate_limits.p.algorithm: 'leaky_bucket' is not an algorithm; use fixed_window, sliding_window or token_bucket")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "fixed_window", "window_seconds": 1 } }""", "rate_limits.p.limit: is required: a whole number from 1 to 1000000000")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "fixed_window", "limit": 0, "window_seconds": 1 } }""", "rate_limits.p.limit: must be a whole number from 1 to 1000000000, not the number 0")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "fixed_window", "limit": 1.5, "window_seconds": 1 } }""", "rate_limits.p.limit: must be a whole number from 1 to 1000000000, not the number 1.5")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "fixed_window", "limit": "100", "window_seconds": 1 } }""", "rate_limits.p.limit: must be a whole number from 1 to 1000000000, not a string")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "sliding_window", "limit": 1 } }""", "rate_limits.p.window_seconds: is required: the window's length (86400 for a daily quota)")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "fixed_window", "limit": 1, "window_seconds": -5 } }""", "rate_limits.p.window_seconds: must be a whole number from 1 to 31536000, not the number -5")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "fixed_window", "limit": 1, "window_seconds": 1, "period_seconds": 1 } }""", "rate_limits.p.period_seconds: does not apply: only a token_bucket has it")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "token_bucket", "limit": 5, "period_seconds": 1 } }""", "rate_limits.p.tokens_per_period: is required")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "token_bucket", "limit": 5, "tokens_per_period": 6, "period_seconds": 1 } }""", "rate_limits.p.tokens_per_period: is 6, more than the bucket's limit of 5")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "token_bucket", "limit": 5, "tokens_per_period": 1, "period_seconds": 1, "window_seconds": 60 } }""", "rate_limits.p.window_seconds: does not apply: a token bucket has no window")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "fixed_window", "limit": 1, "window_seconds": 1, "on_missing_key": "allow" } }""", "rate_limits.p.on_missing_key: 'allow' is not a choice; use 'shared'")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "fixed_window", "limit": 1, "window_seconds": 1, "on_store_error": "fail" } }""", "rate_limits.p.on_store_error: 'fail' is not a choice; use 'open'")]
    [InlineData("""{ "p": { "key": "$request.jwt.sub", "algorithm": "fixed_window", "limit": 1, "window_seconds": 1, "before_auth": true } }""", "rate_limits.p.before_auth: is true but the key $request.jwt.sub reads the token")]
    [InlineData("""{ "p": { "key": "k", "algorithm": "fixed_window", "limit": 1, "window_seconds": 1, "burst": 5 } }""", "rate_limits.p.burst: unknown key 'burst'; allowed keys: key, algorithm")]
    [InlineData("""{ "p": 5 }""", "rate_limits.p: must be an object such as")]
    [InlineData("""[]""", "rate_limits: must be an object, not an array")]
    public async Task Load_BadPolicy_RejectedWithLocation(string policies, string expected)
    {
        var result = await LoadAsync(policies);

        Assert.Null(result.Runtime);
        // Once: a bad number is not also said to be missing.
        var issue = Assert.Single(result.Issues, i => i.Location == expected[..expected.IndexOf(": ", StringComparison.Ordinal)]);
        Assert.StartsWith(expected, issue.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"q\"", true, "paths[0].rate_limit: unknown policy 'q'; defined: p")]
    [InlineData("[\"p\", \"p\"]", true, "paths[0].rate_limit[1]: names policy 'p' twice")]
    [InlineData("[]", true, "paths[0].rate_limit: is an empty list")]
    [InlineData("5", true, "paths[0].rate_limit: must be a policy name of 'rate_limits' or a list of names, not the number 5")]
    [InlineData("\"p\"", false, "paths[0].rate_limit: policy 'p' counts by $request.jwt.sub but the path has no 'auth'")]
    public async Task Load_BadPathRateLimit_RejectedWithLocation(string rateLimit, bool auth, string expected)
    {
        var result = await LoadAsync("""{ "p": { "key": "$request.jwt.sub", "algorithm": "fixed_window", "limit": 1, "window_seconds": 1 } }""", rateLimit, auth);

        Assert.Null(result.Runtime);
        Assert.Contains(result.Issues, i => i.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_UnusedPolicy_Warns()
    {
        var result = await TestServices.LoadAsync("""
            { "rate_limits": { "p": { "key": "k", "algorithm": "fixed_window", "limit": 1, "window_seconds": 1 } }, "paths": [] }
            """);

        Assert.NotNull(result.Runtime);
        Assert.Equal("warning: rate_limits.p: is not named by any path's 'rate_limit', so it limits nothing", Assert.Single(result.Issues).ToString());
    }
}
