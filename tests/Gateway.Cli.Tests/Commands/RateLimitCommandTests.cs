using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests.Commands;

/// <summary>What the operator tools say about rate limits: validate's locations, routes' LIMITS, explain's policies.</summary>
public class RateLimitCommandTests
{
    private static string Config(string policies = "") => $$$"""
        {
          "authorizer": {"type": "jwt", "secret": "$secret.JWT_SECRET", "issuer": "{{{TestJwt.Issuer}}}", "audience": "{{{TestJwt.Audience}}}"},
          "rate_limits": {
            "per-ip": {"key": "$client.address", "algorithm": "sliding_window", "limit": 20, "window_seconds": 10, "before_auth": true},
            "per-user": {"key": "$request.jwt.sub", "algorithm": "fixed_window", "limit": 100, "window_seconds": 60, "on_missing_key": "reject"},
            "bucket": {"key": "$request.header.X-Api-Client", "algorithm": "token_bucket", "limit": 50, "tokens_per_period": 10, "period_seconds": 1}
            {{{policies}}}
          },
          "paths": [
            {"method": "GET", "path": "/orders", "auth": true, "rate_limit": ["per-user", "per-ip"], "response": {"orders": []}},
            {"method": "GET", "path": "/catalog", "rate_limit": "bucket", "response": []}
          ]
        }
        """;

    [Fact]
    public async Task Routes_ConfigWithRateLimits_ListsEachRoutesPolicies()
    {
        using var dir = new TempDir();
        var file = TestConfigs.Write(dir, Config());

        var result = await GatewayCommand.RunAsync("routes", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([
            "#  METHOD  PATH      KIND   AUTH     LIMITS                                         TARGET  LOCATION",
            "1  GET     /catalog  exact  none     bucket 50+10/1s                                static  paths[1]",
            "2  GET     /orders   exact  default  per-ip 20/10s (before auth), per-user 100/60s  static  paths[0]",
        ], ValidateCommandTests.Lines(result.Stdout));
    }

    [Fact]
    public async Task Validate_BadPolicy_ErrorsWithTheirLocations()
    {
        using var dir = new TempDir();
        var file = TestConfigs.Write(dir, Config(""", "bad": {"key": "$request.cookie.id", "algorithm": "token_bucket", "limit": 5, "window_seconds": 60}"""));

        var result = await GatewayCommand.RunAsync("validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error: rate_limits.bad.key: '$request.cookie.id' is not a key the gateway can read", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains("error: rate_limits.bad.tokens_per_period: is required", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains("error: rate_limits.bad.window_seconds: does not apply", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_LimitedRoute_SaysWhichPoliciesCountTheRequest()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, Config());

        var orders = await GatewayCommand.RunInAsync(dir.Path, "explain", "--config", "gateway.json", "--path", "/orders", "--token", TestJwt.Hs256());
        var catalog = await GatewayCommand.RunInAsync(dir.Path, "explain", "--config", "gateway.json", "--path", "/catalog", "--header", "X-Api-Client:secret-client-id");

        Assert.True(orders.ExitCode == 0, orders.ToString());
        Assert.Contains("Limits    per-ip: 20 requests per 10 s (sliding_window), counted before the token is checked, keyed by $client.address", orders.Stdout, StringComparison.Ordinal);
        Assert.Contains("          per-user: 100 requests per 60 s (fixed_window), counted once the token is accepted, keyed by $request.jwt.sub (present)", orders.Stdout, StringComparison.Ordinal);
        Assert.Contains("Limits    bucket: a bucket of 50 requests, refilled by 10 every 1 s, counted on every request, keyed by $request.header.X-Api-Client (present)", catalog.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-client-id", catalog.Stdout, StringComparison.Ordinal);
    }
}
