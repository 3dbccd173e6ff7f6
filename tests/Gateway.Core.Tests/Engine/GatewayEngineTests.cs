using FunctionGateway.Engine;
using FunctionGateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Tests.Engine;

public class GatewayEngineTests
{
    private const string Config = """
        { "cors": { "allow_origins": ["https://app.test"], "allow_methods": ["GET"], "allow_headers": ["Authorization"], "max_age": 60 },
          "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "algorithm": "HS256" },
          "paths": [{ "method": "GET", "path": "/private", "auth": true, "response": { "ok": true } },
                    { "method": "GET", "path": "/static", "response": [1, "two", null] },
                    { "method": "OPTIONS", "path": "/own-options", "response": "mine" }] }
        """;

    private static readonly Dictionary<string, string?> Settings = new() { ["JWT_SECRET"] = Tokens.Secret };

    [Fact]
    public async Task Static_AnyJsonValue_SentAsConfigured()
    {
        var engine = await EngineHarness.CreateAsync(Config, Settings);

        var (context, body) = await engine.SendAsync("GET", "/static");

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("application/json", context.Response.ContentType);
        Assert.Equal("""[1,"two",null]""", body);
    }

    [Fact]
    public async Task NoRoute_Answers404WithServerlessApiGatewayBody()
    {
        var engine = await EngineHarness.CreateAsync(Config, Settings);

        var (context, body) = await engine.SendAsync("POST", "/static");

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal("""{"message":"No match found."}""", body);
    }

    [Fact]
    public async Task Preflight_OnProtectedRoute_Answered204BeforeAuthorization()
    {
        var engine = await EngineHarness.CreateAsync(Config, Settings);

        var (context, body) = await engine.SendAsync("OPTIONS", "/private", r =>
        {
            r.Headers.Origin = "https://app.test";
            r.Headers.AccessControlRequestMethod = "GET";
        });

        Assert.Equal(204, context.Response.StatusCode);
        Assert.Empty(body);
        Assert.Equal("https://app.test", context.Response.Headers.AccessControlAllowOrigin);
        Assert.Equal("GET", context.Response.Headers.AccessControlAllowMethods);
        Assert.Equal("60", context.Response.Headers.AccessControlMaxAge);
    }

    [Fact]
    public async Task Preflight_RouteWithOwnOptions_GoesToTheRoute()
    {
        var engine = await EngineHarness.CreateAsync(Config, Settings);

        var (context, body) = await engine.SendAsync("OPTIONS", "/own-options", r => r.Headers.Origin = "https://app.test");

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("\"mine\"", body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://app.test")]
    public async Task Options_NotAPreflight_RoutedLikeAnyMethod(string? origin)
    {
        var engine = await EngineHarness.CreateAsync(Config, Settings);

        var (context, body) = await engine.SendAsync("OPTIONS", "/static", r =>
        {
            if (origin is not null)
            {
                r.Headers.Origin = origin;
            }
        });

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal("""{"message":"No match found."}""", body);
    }

    [Fact]
    public async Task Unauthorized_CarriesCorsHeaders()
    {
        var engine = await EngineHarness.CreateAsync(Config, Settings);

        var (context, _) = await engine.SendAsync("GET", "/private", r => r.Headers.Origin = "https://app.test");

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal("https://app.test", context.Response.Headers.AccessControlAllowOrigin);
    }

    [Theory]
    [InlineData("/static/../private")]
    [InlineData("/./private")]
    [InlineData("/private/..")]
    public async Task DotSegments_Rejected400WithoutReachingAnyRoute(string path)
    {
        var engine = await EngineHarness.CreateAsync(Config, Settings);

        var (context, body) = await engine.SendAsync("GET", path);

        Assert.Equal(400, context.Response.StatusCode);
        Assert.Contains("ERR_BAD_PATH", body);
    }

    [Fact]
    public async Task NoConfig_Answers503NamingTheCause()
    {
        var services = TestServices.Create();
        services.GetRequiredService<GatewayRuntimeHolder>().ReportUnavailable("blob 'gateway/config.json' does not exist");
        var engine = services.GetRequiredService<GatewayEngine>();
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        context.Request.Path = "/anything";

        var matched = await engine.MatchAsync(context);

        Assert.False(matched);
        Assert.Equal(503, context.Response.StatusCode);
        var body = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Assert.Equal("""{"error":"Gateway configuration is not available","code":"ERR_CONFIG_UNAVAILABLE","detail":"blob 'gateway/config.json' does not exist"}""", body);
    }

    [Fact]
    public async Task NoConfig_ManyRequests_ReasonLoggedOncePerChange()
    {
        using var services = TestServices.Create();
        var holder = services.GetRequiredService<GatewayRuntimeHolder>();
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var engine = new GatewayEngine(holder, loggers.CreateLogger<GatewayEngine>());

        async Task SendAsync(int times)
        {
            for (var i = 0; i < times; i++)
            {
                var context = new DefaultHttpContext { Response = { Body = Stream.Null } };
                context.Request.Path = "/anything";
                Assert.False(await engine.MatchAsync(context));
                Assert.Equal(503, context.Response.StatusCode);
            }
        }

        holder.ReportUnavailable("blob missing");
        await SendAsync(3);
        holder.ReportUnavailable("storage unreachable");
        await SendAsync(2);
        holder.ReportUnavailable("blob missing");
        await SendAsync(2);

        Assert.Equal(
        [
            "Warning FunctionGateway.Engine.GatewayEngine: No config to serve: blob missing",
            "Warning FunctionGateway.Engine.GatewayEngine: No config to serve: storage unreachable",
            "Warning FunctionGateway.Engine.GatewayEngine: No config to serve: blob missing",
        ], logs.Lines.Where(l => l.Contains("No config to serve", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Dispatch_WithoutAuthorize_Throws()
    {
        var services = TestServices.Create(Settings);
        var holder = services.GetRequiredService<GatewayRuntimeHolder>();
        var loaded = await services.GetRequiredService<GatewayConfigLoader>().LoadAsync(Config, "t", "1");
        holder.Publish(loaded.Runtime!);
        var gateway = services.GetRequiredService<GatewayEngine>();
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/private";

        Assert.True(await gateway.MatchAsync(context));
        await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.DispatchAsync(context));
    }
}
