using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests;

/// <summary><c>gateway import-proxies</c> run as a process on real-world shaped proxies.json files.</summary>
public class ImportProxiesCommandTests
{
    // Values an operator would set for the app settings the fixtures read.
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["STAGE_NAME"] = "test",
        ["USERS_HOST"] = "users.example.com",
        ["USERS_FUNCTION_KEY"] = "users-key",
        ["ORDERS_API_KEY"] = "orders-key",
        ["SEARCH_BASE_URL"] = "https://search.example.com/v1",
        ["LEGACY_BASE_URL"] = "https://legacy.example.com/app",
        ["PROCESS_KEY"] = "process-key",
    };

    private static async Task<(CliResult Result, JsonObject Config, string File)> ImportAsync(TempDir dir, string fixture)
    {
        var output = Path.Combine(dir.Path, "gateway.json");
        var result = await GatewayCommand.RunAsync("import-proxies", Fixtures.Proxies(fixture), "-o", output);
        Assert.True(File.Exists(output), result.ToString());
        return (result, JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject(), output);
    }

    private static string[] ReportLines(CliResult result) =>
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Theory]
    [InlineData("mock-api.json", 0, 8)]
    [InlineData("backend-rewrites.json", 0, 5)]
    [InlineData("catch-all.json", 0, 5)]
    [InlineData("mixed.json", 3, 3)]
    public async Task ImportProxies_Fixture_WritesConfigTheGatewayLoads(string fixture, int exitCode, int routes)
    {
        using var dir = new TempDir();

        var (result, config, file) = await ImportAsync(dir, fixture);
        var loaded = await GatewayConfigs.LoadAsync(file, Settings);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.True(loaded.Runtime is not null, string.Join("\n", loaded.Issues));
        Assert.Empty(loaded.Issues);
        Assert.Equal(routes, config["paths"]!.AsArray().Count);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task ImportProxies_MockApi_StaticResponsesWithStatusHeadersAndBody()
    {
        using var dir = new TempDir();

        var (result, config, _) = await ImportAsync(dir, "mock-api.json");
        var paths = config["paths"]!.AsArray();

        Assert.Equal(
            """{"method":"GET","path":"/api/v1/orders/{orderId}","integration":{"type":"static","status":200,"headers":{"Content-Type":"application/json"},"body":{"id":1,"status":"shipped","total":12.5}}}""",
            paths[1]!.ToJsonString());
        Assert.Equal(
            """{"method":"POST","path":"/api/v1/orders","integration":{"type":"static","status":201,"headers":{"Location":"/api/v1/orders/3"},"body":{"id":3,"status":"created"}}}""",
            paths[2]!.ToJsonString());
        Assert.Equal("""{"type":"static","status":204}""", paths[3]!["integration"]!.ToJsonString());
        Assert.Equal("""{"type":"static","status":301,"headers":{"Location":"https://docs.example.com/"}}""", paths[4]!["integration"]!.ToJsonString());
        // A text body is sent as is; an empty header value leaves the header out, as Proxies did.
        Assert.Equal("""{"method":"ANY","path":"/hello","integration":{"type":"static","headers":{"Content-Type":"text/plain"},"body_text":"Hello from $env.STAGE_NAME"}}""",
            paths[5]!.ToJsonString());
        Assert.Equal(["GET /ping", "HEAD /ping"], paths.Skip(6).Select(p => $"{p!["method"]} {p["path"]}"));
        Assert.Equal("""{"type":"static"}""", paths[6]!["integration"]!.ToJsonString());
        Assert.Equal([
            "Converted 7 of 7 proxies into 8 route(s) to " + Path.Combine(dir.Path, "gateway.json") + "; 0 part(s) not converted.",
            "The config reads these app settings, which must be set where the gateway runs: STAGE_NAME.",
        ], ReportLines(result));
    }

    [Fact]
    public async Task ImportProxies_BackendRewrites_ServersPathsAndMappings()
    {
        using var dir = new TempDir();

        var (_, config, _) = await ImportAsync(dir, "backend-rewrites.json");
        var paths = config["paths"]!.AsArray();

        Assert.Equal(
            """[{"alias":"users-host","url":"https://$env.USERS_HOST"},{"alias":"orders-api","url":"https://orders-api.azurewebsites.net"},{"alias":"search-base-url","url":"$env.SEARCH_BASE_URL"}]""",
            config["servers"]!.ToJsonString());
        Assert.Equal(
            """{"method":"GET","path":"/api/users/{userId}","integration":{"type":"http_proxy","server":"users-host","path":"/api/v2/users/{userId}"},"mapping":{"query":{"code":"$env.USERS_FUNCTION_KEY"}}}""",
            paths[0]!.ToJsonString());
        Assert.Equal(
            """{"headers":{"Accept":"application/json","x-functions-key":"$env.ORDERS_API_KEY","x-correlation-id":"$request.header.x-request-id","x-user-id":"$request.path.userId"},"query":{"user":"$request.path.userId","expand":"$request.query.expand"}}""",
            paths[1]!["mapping"]!.ToJsonString());
        Assert.Equal("/api/orders/{orderId}", paths[1]!["integration"]!["path"]!.GetValue<string>());
        Assert.Equal(["POST", "PUT"], paths.Skip(2).Take(2).Select(p => p!["method"]!.GetValue<string>()));
        Assert.Equal(
            """{"method":"GET","path":"/api/search","integration":{"type":"http_proxy","server":"search-base-url","path":"/query","method":"POST"},"mapping":{"query":{"term":"$request.query.q"}}}""",
            paths[4]!.ToJsonString());
    }

    [Fact]
    public async Task ImportProxies_CatchAll_WildcardRoutesAndBackendRest()
    {
        using var dir = new TempDir();

        var (_, config, _) = await ImportAsync(dir, "catch-all.json");

        // Wildcards are written after the other routes, in the order the gateway tries them.
        Assert.Equal([
            "GET / -> contoso /site/index.html",
            "ANY /api/{.+} -> new-api /v2/{.+}",
            "ANY /legacy/{.+} -> legacy-base-url /{.+}",
            "GET /{.+} -> contoso /site/{.+}",
            "HEAD /{.+} -> contoso /site/{.+}",
        ], config["paths"]!.AsArray().Select(p => $"{p!["method"]} {p["path"]} -> {p["integration"]!["server"]} {p["integration"]!["path"]}"));
    }

    [Fact]
    public async Task ImportProxies_Mixed_ReportsEachPartNotConvertedAndWhy()
    {
        using var dir = new TempDir();

        var (result, config, _) = await ImportAsync(dir, "mixed.json");

        Assert.Equal([
            "not converted: proxy 'Products': debug: Proxies debug traces (Proxy-Trace-Location) do not exist in the gateway; it logs every request on one line instead",
            "not converted: proxy 'Products': matchCondition.route: '/api/products/{id:int}': the constraint ':int' on '{id}' is not enforced: the gateway route matches any value in that segment; check it in the back end",
            "not converted: proxy 'Products': matchCondition.methods: 'TRACE' is not a method a gateway route can name (GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD); requests with it get 404",
            "not converted: proxy 'Products': responseOverrides.response.headers.X-Backend-Status: the gateway streams a proxied response as the back end sent it and does not change its status, headers or body",
            "not converted: proxy 'Products': requestOverrides.backend.request.headers.x-original-method: '{request.method}' has no equivalent: a gateway route's method is known when the config is written, so write it out",
            "not converted: proxy 'Products': requestOverrides.backend.request.headers.x-remove-me: an empty value removed the header in some versions of Azure Functions Proxies and sent it empty in others; the gateway forwards the client's header unchanged: set a value, or drop the header in the back end",
            "not converted: proxy 'Hello': responseOverrides.response.statusReason: a custom reason phrase is not sent: HTTP/2 and HTTP/3 have none, and the gateway sends the standard one with the status code",
            "not converted: proxy 'Hello': responseOverrides.response.body: '{name}' reads the request, but a static response is fixed when the config loads",
            "skipped: proxy 'OldProducts': disabled: the proxy is disabled, so it answered 404; without a route the gateway answers 404 too",
            "not converted: proxy 'LocalFunction': backendUri: 'localhost' called a function of the same function app; the gateway forwards over HTTP to a server, so set this server's url to the address of the app that now hosts those functions",
            "not converted: proxy 'Files': matchCondition.route: '/files/{name}.json': segment '{name}.json' mixes a parameter with text, which gateway routes cannot match; make the parameter a whole segment",
            "not converted: proxy 'Files': (proxy): left out: no route was written for it, for the reason above",
            "not converted: proxy 'ProductsAgain': GET /api/products/{productId}: proxy 'Products' already has this method and route, and the first one wins; this route is left out",
            "not converted: proxy 'ProductsAgain': (proxy): left out: no route was written for it, for the reason above",
            "not converted: proxy 'Tenant': desiredHttpVersion: is not a key of the proxies.json format (matchCondition, backendUri, requestOverrides, responseOverrides, debug, disabled, desc); ignored",
            "not converted: proxy 'Tenant': backendUri: the back-end host of 'https://{request.headers.x-region}.example.com/{tenant}/{rest}' comes from the request; a gateway server's URL is fixed",
            "not converted: proxy 'Tenant': (proxy): left out: no route was written for it, for the reason above",
            "Converted 3 of 7 proxies into 3 route(s) to " + Path.Combine(dir.Path, "gateway.json") + "; 16 part(s) not converted.",
            "The config reads these app settings, which must be set where the gateway runs: PROCESS_KEY.",
        ], ReportLines(result));
        Assert.Equal(["GET /api/products/{id}", "ANY /api/hello/{name}", "POST /api/process"],
            config["paths"]!.AsArray().Select(p => $"{p!["method"]} {p["path"]}"));
        // What could be kept is: the route, the status and the content type, without the body that read the route.
        Assert.Equal("""{"type":"static","status":200,"headers":{"Content-Type":"text/plain"}}""", config["paths"]![1]!["integration"]!.ToJsonString());
    }

    [Fact]
    public async Task ImportProxies_NoOutputOption_ConfigOnStdoutReportOnStderr()
    {
        var result = await GatewayCommand.RunAsync("import-proxies", Fixtures.Proxies("catch-all.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, JsonNode.Parse(result.Stdout)!["paths"]!.AsArray().Count);
        Assert.StartsWith("Converted 4 of 4 proxies into 5 route(s); 0 part(s) not converted.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportProxies_OutputExists_RefusesWithoutForce()
    {
        using var dir = new TempDir();
        var existing = dir.Write("gateway.json", "keep me");

        var refused = await GatewayCommand.RunAsync("import-proxies", Fixtures.Proxies("catch-all.json"), "-o", existing);
        var kept = await File.ReadAllTextAsync(existing);
        var forced = await GatewayCommand.RunAsync("import-proxies", Fixtures.Proxies("catch-all.json"), "-o", existing, "--force");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"{existing} already exists; pass --force to overwrite it.", refused.Stderr.Trim());
        Assert.Equal("keep me", kept);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.NotNull(JsonNode.Parse(await File.ReadAllTextAsync(existing))!["paths"]);
    }

    [Theory]
    [InlineData("proxies.json", "no such file")]
    [InlineData("functions/proxies.json", "no such file (its directory does not exist)")]
    [InlineData(".", "it is a directory, not a file")]
    public async Task ImportProxies_NoReadableFile_ExitsTwoNamingThePathAsTyped(string path, string reason)
    {
        using var dir = new TempDir();

        var result = await GatewayCommand.RunInAsync(dir.Path, "import-proxies", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"cannot read file '{path}': {reason}", result.Stderr.Trim());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task ImportProxies_UnreadableFile_ExitsTwoPermissionDenied()
    {
        using var dir = new TempDir();
        var file = UnreadableFile.In(dir);

        var result = await GatewayCommand.RunAsync("import-proxies", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"cannot read file '{file}': permission denied", result.Stderr.Trim());
    }

    [Fact]
    public async Task ImportProxies_BrokenJson_ExitsTwoWithLineAndColumn()
    {
        using var dir = new TempDir();
        var file = dir.Write("proxies.json", "{\n  \"proxies\": {\n    \"a\": { \"matchCondition\" { } }\n  }\n}");

        var result = await GatewayCommand.RunAsync("import-proxies", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{file}: line 3, column 29: malformed JSON: '{{' is invalid after a property name. Expected a ':'.", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("""{ "paths": [] }""")]
    [InlineData("""{ "proxies": [] }""")]
    [InlineData("""[1, 2]""")]
    public async Task ImportProxies_NotAProxiesFile_ExitsTwo(string json)
    {
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", json);

        var result = await GatewayCommand.RunAsync("import-proxies", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{file}: not a proxies.json file: it must be a JSON object with a 'proxies' object of named proxies", result.Stderr.Trim());
    }

    [Fact]
    public async Task ImportProxies_UnknownFlag_FailsNamingIt()
    {
        var result = await GatewayCommand.RunAsync("import-proxies", Fixtures.Proxies("catch-all.json"), "--frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--frobnicate", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\"paths\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportProxies_RouteUnderAdmin_ConvertedWithTheValidatorsWarning()
    {
        using var dir = new TempDir();
        var file = dir.Write("proxies.json", """
            { "proxies": { "Admin": { "matchCondition": { "route": "/admin/users" }, "backendUri": "https://admin.example.com/users" } } }
            """);

        var result = await GatewayCommand.RunAsync("import-proxies", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("warning: paths[0].path: '/admin/users' is under /admin, which the Azure Functions host reserves for itself",
            result.Stderr, StringComparison.Ordinal);
    }
}
