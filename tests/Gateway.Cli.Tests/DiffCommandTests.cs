using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests;

public class DiffCommandTests
{
    private const string Before = """
        {
          "servers": [{ "alias": "orders", "url": "https://orders.example.com" }, { "alias": "old", "url": "https://old.example.com" }],
          "cors": { "allow_origins": ["https://app.example.com"], "max_age": 600 },
          "authorizer": { "type": "jwt", "secret": "$secret.S", "audience": "api" },
          "paths": [
            { "method": "GET", "path": "/health", "response": { "status": "ok" } },
            { "method": "GET", "path": "/profile", "auth": true, "integration": { "type": "http_proxy", "server": "orders" } },
            { "method": "GET", "path": "/orders/{id}", "auth": true,
              "authorization": { "require_all": [{ "claim": "scope", "values": ["orders:read"] }] },
              "integration": { "type": "http_proxy", "server": "orders" } },
            { "method": "DELETE", "path": "/orders/{id}", "auth": true, "integration": { "type": "http_proxy", "server": "orders" } },
            { "method": "GET", "path": "/legacy", "response": 1 }
          ]
        }
        """;

    private const string After = """
        {
          "servers": [{ "alias": "orders", "url": "https://orders-v2.example.com" }, { "alias": "billing", "url": "https://billing.example.com" }],
          "cors": { "allow_origins": ["https://app.example.com", "https://admin.example.com"], "max_age": 600 },
          "authorizer": { "type": "jwt", "secret": "$secret.S2" },
          "paths": [
            { "method": "GET", "path": "/health", "response": { "status": "ok" } },
            { "method": "GET", "path": "/profile", "integration": { "type": "http_proxy", "server": "orders" } },
            { "method": "GET", "path": "/orders/{orderId}", "auth": true,
              "authorization": { "require_all": [{ "claim": "scope", "values": ["orders:read", "orders:all"] }] },
              "integration": { "type": "http_proxy", "server": "orders" } },
            { "method": "DELETE", "path": "/orders/{id}", "auth": true, "integration": { "type": "http_proxy", "server": "orders" } },
            { "method": "ANY", "path": "/orders/{.+}", "integration": { "type": "http_proxy", "server": "orders" } },
            { "method": "POST", "path": "/invoices", "auth": true, "integration": { "type": "http_proxy", "server": "billing" } }
          ]
        }
        """;

    [Fact]
    public async Task Diff_WeakenedRoutes_AlarmsFirstThenEverySection()
    {
        using var dir = new TempDir();
        var before = dir.Write("old.json", Before);
        var after = dir.Write("new.json", After);

        var result = await GatewayCommand.RunAsync("diff", before, after);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal([
            "!! LOSES AUTH                 GET /profile (paths[1]): was protected by default, now anyone can call it",
            "!! CLAIM RULES WEAKENED       GET /orders/{orderId} (paths[2]): require_all accepts more values of 'scope': orders:all",
            "!! REACHABLE WITHOUT A TOKEN  GET /orders/{orderId} (paths[2]): paths[4] (ANY /orders/{.+}) has no auth and takes HEAD /orders/{orderId}, POST /orders/{orderId}, PUT /orders/{orderId}, PATCH /orders/{orderId}, GET /orders/{orderId}/, DELETE /orders/{orderId}/",
            "",
            "routes",
            "  ~ GET /orders/{orderId} (paths[2]): path: /orders/{id} -> /orders/{orderId}",
            "  + ANY /orders/{.+} (paths[4]): auth none, target orders -> https://orders-v2.example.com",
            "  + POST /invoices (paths[5]): auth default, target billing -> https://billing.example.com",
            "  - GET /legacy (was paths[4])",
            "servers",
            "  ~ orders: url https://orders.example.com -> https://orders-v2.example.com",
            "  + billing: https://billing.example.com",
            "  - old: https://old.example.com",
            "cors",
            "  + allow_origins: https://admin.example.com",
            "authorizers",
            "  ~ authorizer (default): secret changed",
            "  !! authorizer (default): audience api -> (any): accepts tokens it refused before",
        ], ValidateCommandTests.Lines(result.Stdout));
        Assert.DoesNotContain("$secret.S", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_RemovedProtectedRoute_ItsRequestsNowGoToAnOpenRoute()
    {
        using var dir = new TempDir();
        var before = dir.Write("old.json", """
            { "authorizer": { "type": "jwt", "secret": "$secret.S" }, "paths": [
              { "method": "ANY", "path": "/{.+}", "response": 0 },
              { "method": "GET", "path": "/admin-panel", "auth": true, "response": 1 } ] }
            """);
        var after = dir.Write("new.json", """
            { "authorizer": { "type": "jwt", "secret": "$secret.S" }, "paths": [
              { "method": "ANY", "path": "/{.+}", "response": 0 } ] }
            """);

        var result = await GatewayCommand.RunAsync("diff", before, after);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("!! REACHABLE WITHOUT A TOKEN  GET /admin-panel (was paths[1]): was protected; GET /admin-panel now goes to paths[0] (ANY /{.+}), which has no auth",
            ValidateCommandTests.Lines(result.Stdout)[0]);
    }

    [Fact]
    public async Task Diff_NewPublicRouteInsideProtectedWildcard_Alarm()
    {
        using var dir = new TempDir();
        const string Common = """
              "servers": [{ "alias": "orders", "url": "https://orders.example.com" }],
              "authorizer": { "type": "jwt", "secret": "$secret.S" },
            """;
        var before = dir.Write("old.json", "{" + Common + """
              "paths": [{ "method": "ANY", "path": "/orders/{.+}", "auth": true, "integration": { "type": "http_proxy", "server": "orders" } }] }
            """);
        var after = dir.Write("new.json", "{" + Common + """
              "paths": [{ "method": "ANY", "path": "/orders/{.+}", "auth": true, "integration": { "type": "http_proxy", "server": "orders" } },
                        { "method": "GET", "path": "/orders/{id}/status", "integration": { "type": "http_proxy", "server": "orders" } }] }
            """);

        var result = await GatewayCommand.RunAsync("diff", before, after);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal([
            "!! REACHABLE WITHOUT A TOKEN  GET /orders/{id}/status (paths[1]): GET /orders/{id}/status was served by ANY /orders/{.+} with a token (default); this new route has no auth",
            "",
            "routes",
            "  + GET /orders/{id}/status (paths[1]): auth none, target orders -> https://orders.example.com",
        ], ValidateCommandTests.Lines(result.Stdout));
    }

    [Fact]
    public async Task Diff_ProxyBecomesStaticIntegration_TargetChangeNamesTheStatus()
    {
        using var dir = new TempDir();
        const string Config = """
            { "servers": [{ "alias": "users", "url": "https://u.example.com/v1" }],
              "paths": [{ "method": "GET", "path": "/users/{id}", "integration": INTEGRATION }] }
            """;
        var before = dir.Write("old.json", Config.Replace("INTEGRATION", """{ "type": "http_proxy", "server": "users", "path": "/api/users/{id}", "method": "POST" }""", StringComparison.Ordinal));
        var after = dir.Write("new.json", Config.Replace("INTEGRATION", """{ "type": "static", "status": 503, "body_text": "down" }""", StringComparison.Ordinal));

        var result = await GatewayCommand.RunAsync("diff", before, after);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal([
            "routes",
            "  ~ GET /users/{id} (paths[0]): target: users -> https://u.example.com/v1 /api/users/{id} (as POST) => static 503",
        ], ValidateCommandTests.Lines(result.Stdout));
    }

    [Fact]
    public async Task Diff_SameRoutesReordered_NoDifferencesExitZero()
    {
        using var dir = new TempDir();
        var before = dir.Write("old.json", """{ "title": "a", "paths": [{ "method": "GET", "path": "/a", "response": 1 }, { "method": "GET", "path": "/b/{x}", "response": 2 }] }""");
        var after = dir.Write("new.json", """{ "title": "b", "paths": [{ "method": "GET", "path": "/b/{x}", "response": 2 }, { "method": "GET", "path": "/a", "response": 1 }] }""");

        var result = await GatewayCommand.RunAsync("diff", before, after);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("no differences", result.Stdout.TrimEnd());
    }

    [Fact]
    public async Task Diff_BrokenJson_ExitTwoWithLineAndColumn()
    {
        using var dir = new TempDir();
        var before = dir.Write("old.json", Before);
        var after = dir.Write("new.json", "{ \"paths\": [ }");

        var result = await GatewayCommand.RunAsync("diff", before, after);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"{after}: line 1, column 14: expected a value", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Diff_MissingFile_ExitTwo()
    {
        using var dir = new TempDir();
        var before = dir.Write("old.json", Before);
        var missing = Path.Combine(dir.Path, "nope.json");

        var result = await GatewayCommand.RunAsync("diff", before, missing);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"cannot read file '{missing}': no such file", result.Stderr.TrimEnd());
    }

    [Fact]
    public async Task Diff_MissingArgument_ExitTwo()
    {
        var result = await GatewayCommand.RunAsync("diff", "only-one.json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Required argument 'new' missing for command: 'diff'", result.Stderr, StringComparison.Ordinal);
    }
}
