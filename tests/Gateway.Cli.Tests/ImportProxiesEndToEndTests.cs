using System.Net;
using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests;

/// <summary>A proxies.json converted by the command, then served by the engine in front of a loopback back end.</summary>
public class ImportProxiesEndToEndTests
{
    private const string Proxies = """
        {
          "proxies": {
            "GetUser": {
              "matchCondition": { "methods": [ "GET" ], "route": "/api/users/{userId}" },
              "backendUri": "%BACKEND_URL%/internal/users/{userId}?code=%FUNCTION_KEY%",
              "requestOverrides": {
                "backend.request.headers.x-functions-key": "%FUNCTION_KEY%",
                "backend.request.headers.x-caller": "{request.headers.x-client}"
              }
            },
            "Legacy": {
              "matchCondition": { "route": "/legacy/{*rest}" },
              "backendUri": "%BACKEND_URL%/old/{rest}"
            },
            "Search": {
              "matchCondition": { "methods": [ "GET" ], "route": "/search" },
              "backendUri": "%BACKEND_URL%/query",
              "requestOverrides": { "backend.request.method": "POST", "backend.request.querystring.term": "{request.querystring.q}" }
            },
            "Moved": {
              "matchCondition": { "methods": [ "GET" ], "route": "/moved" },
              "responseOverrides": { "response.statusCode": "302", "response.headers.Location": "https://new.example.com/" }
            }
          }
        }
        """;

    private static async Task<(EchoUpstream Upstream, ServedConfig Gateway)> ConvertAndServeAsync(TempDir dir)
    {
        var output = Path.Combine(dir.Path, "gateway.json");
        var result = await GatewayCommand.RunAsync("import-proxies", dir.Write("proxies.json", Proxies), "-o", output);
        Assert.True(result.ExitCode == 0, result.ToString());

        var upstream = await EchoUpstream.StartAsync();
        var gateway = await ServedConfig.StartAsync(output, new Dictionary<string, string?>
        {
            ["BACKEND_URL"] = upstream.Url + "/base",
            ["FUNCTION_KEY"] = "key-1",
        });
        return (upstream, gateway);
    }

    [Fact]
    public async Task ConvertedConfig_RouteParameterAndOverrides_ReachBackendPath()
    {
        using var dir = new TempDir();
        var (upstream, gateway) = await ConvertAndServeAsync(dir);
        await using var _ = upstream;
        await using var __ = gateway;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/a%2Fb%3Fx?expand=1");
        request.Headers.Add("x-client", "mobile");

        using var response = await gateway.Client.SendAsync(request);
        var echo = await EchoUpstream.Echo.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("GET", echo.Method);
        Assert.Equal("/base/internal/users/a%2Fb%3Fx", echo.Path);
        Assert.Equal("?expand=1&code=key-1", echo.Query);
        Assert.Equal("key-1", echo.Headers["x-functions-key"]);
        Assert.Equal("mobile", echo.Headers["x-caller"]);
    }

    [Fact]
    public async Task ConvertedConfig_CatchAllAndMethodOverride_ReachBackend()
    {
        using var dir = new TempDir();
        var (upstream, gateway) = await ConvertAndServeAsync(dir);
        await using var _ = upstream;
        await using var __ = gateway;

        using var legacy = await gateway.Client.DeleteAsync("/legacy/a/b.aspx?id=3");
        var legacyEcho = await EchoUpstream.Echo.ReadAsync(legacy);
        using var search = await gateway.Client.GetAsync("/search?q=shoes");
        var searchEcho = await EchoUpstream.Echo.ReadAsync(search);

        Assert.Equal(("DELETE", "/base/old/a/b.aspx", "?id=3"), (legacyEcho.Method, legacyEcho.Path, legacyEcho.Query));
        Assert.Equal(("POST", "/base/query", "?q=shoes&term=shoes"), (searchEcho.Method, searchEcho.Path, searchEcho.Query));
    }

    [Fact]
    public async Task ConvertedConfig_MockRedirect_AnsweredByGateway()
    {
        using var dir = new TempDir();
        var (upstream, gateway) = await ConvertAndServeAsync(dir);
        await using var _ = upstream;
        await using var __ = gateway;

        using var response = await gateway.Client.GetAsync("/moved");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://new.example.com/", response.Headers.Location?.ToString());
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }
}
