using FunctionGateway.Engine;
using FunctionGateway.Model;
using FunctionGateway.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FunctionGateway.Functions.Tests;

/// <summary>
/// The worker middleware in front of the gateway function, on a mocked <c>FunctionContext</c> holding the
/// HttpContext the ASP.NET Core integration hands over, with the real engine behind it: the function runs
/// exactly when the engine's match and authorize steps let the request through.
/// </summary>
public class MatchAndAuthorizeMiddlewareTests
{
    private const string Secret = "function-tests-secret-at-least-32-bytes";

    private static readonly string Config = $$"""
        {
          "authorizer": { "type": "jwt", "secret": "{{Secret}}", "algorithm": "HS256" },
          "cors": { "allow_origins": ["https://app.example.com"], "allow_methods": ["GET"] },
          "paths": [
            { "method": "GET", "path": "/health", "response": { "status": "ok" } },
            { "method": "GET", "path": "/private", "auth": true, "response": { "private": true } }
          ]
        }
        """;

    [Fact]
    public async Task Invoke_RouteDoesNotMatch_Answers404AndNeverRunsTheFunction()
    {
        var (invocation, _) = await RunGatewayAsync("GET", "/nowhere");

        Assert.Equal(0, invocation.FunctionRuns);
        Assert.Equal(404, invocation.HttpContext!.Response.StatusCode);
        Assert.Equal("""{"message":"No match found."}""", FunctionsEngine.Body(invocation.HttpContext));
    }

    [Fact]
    public async Task Invoke_ProtectedRouteWithoutToken_Answers401AndNeverRunsTheFunction()
    {
        var (invocation, _) = await RunGatewayAsync("GET", "/private");

        Assert.Equal(0, invocation.FunctionRuns);
        Assert.Equal(401, invocation.HttpContext!.Response.StatusCode);
        Assert.Equal("""{"error":"No token provided or token format is invalid.","code":"AUTH_ERROR"}""", FunctionsEngine.Body(invocation.HttpContext));
        Assert.StartsWith("Bearer", invocation.HttpContext.Response.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ProtectedRouteWithBadSignature_Answers401AndNeverRunsTheFunction()
    {
        var token = Hs256Token.Sign("another-secret-that-is-also-32-bytes-long!");

        var (invocation, _) = await RunGatewayAsync("GET", "/private", r => r.Headers.Authorization = $"Bearer {token}");

        Assert.Equal(0, invocation.FunctionRuns);
        Assert.Equal(401, invocation.HttpContext!.Response.StatusCode);
        Assert.Contains("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", FunctionsEngine.Body(invocation.HttpContext), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_CorsPreflight_Answers204AndNeverRunsTheFunction()
    {
        var (invocation, _) = await RunGatewayAsync("OPTIONS", "/private", r =>
        {
            r.Headers.Origin = "https://app.example.com";
            r.Headers.AccessControlRequestMethod = "GET";
        });

        Assert.Equal(0, invocation.FunctionRuns);
        Assert.Equal(204, invocation.HttpContext!.Response.StatusCode);
        Assert.Equal("https://app.example.com", invocation.HttpContext.Response.Headers.AccessControlAllowOrigin.ToString());
    }

    [Fact]
    public async Task Invoke_PublicRoute_RunsTheFunctionOnceAndItDispatches()
    {
        var (invocation, _) = await RunGatewayAsync("GET", "/health");

        Assert.Equal(1, invocation.FunctionRuns);
        Assert.Equal(200, invocation.HttpContext!.Response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", FunctionsEngine.Body(invocation.HttpContext));
    }

    [Fact]
    public async Task Invoke_ProtectedRouteWithValidToken_RunsTheFunctionOnce()
    {
        var token = Hs256Token.Sign(Secret);

        var (invocation, _) = await RunGatewayAsync("GET", "/private", r => r.Headers.Authorization = $"Bearer {token}");

        Assert.Equal(1, invocation.FunctionRuns);
        Assert.Equal(200, invocation.HttpContext!.Response.StatusCode);
        Assert.Equal("""{"private":true}""", FunctionsEngine.Body(invocation.HttpContext));
    }

    [Fact]
    public async Task Invoke_AnotherFunction_PassesThroughWithoutTheEngine()
    {
        var engine = await FunctionsEngine.CreateAsync(Config);
        // A path no route matches: had the engine seen it, it would have answered 404.
        var httpContext = FunctionsEngine.Request("GET", "/nowhere");
        var invocation = WorkerInvocation.For("SomeOtherFunction", httpContext);

        await invocation.RunAsync(new MatchAndAuthorizeMiddleware(engine), _ => Task.FromResult<IActionResult>(new OkResult()));

        Assert.Equal(1, invocation.FunctionRuns);
        Assert.Equal(200, httpContext.Response.StatusCode);
        Assert.Equal("", FunctionsEngine.Body(httpContext));
        Assert.Null(httpContext.Features.Get<GatewayRequestFeature>());
    }

    [Fact]
    public async Task Invoke_AnotherFunctionWithoutHttpContext_PassesThrough()
    {
        var engine = await FunctionsEngine.CreateAsync(Config);
        var invocation = WorkerInvocation.For("TimerFunction", httpContext: null);

        await invocation.RunAsync(new MatchAndAuthorizeMiddleware(engine), _ => Task.FromResult<IActionResult>(new OkResult()));

        Assert.Equal(1, invocation.FunctionRuns);
    }

    [Fact]
    public async Task Invoke_GatewayFunctionWithoutHttpContext_ThrowsNamingTheMissingIntegration()
    {
        var engine = await FunctionsEngine.CreateAsync(Config);
        var invocation = WorkerInvocation.For(GatewayFunction.Name, httpContext: null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            invocation.RunAsync(new MatchAndAuthorizeMiddleware(engine), _ => Task.FromResult<IActionResult>(new OkResult())));

        Assert.Equal(0, invocation.FunctionRuns);
        Assert.Equal("Function 'Gateway' has no HttpContext: the worker must be built with ConfigureFunctionsWebApplication.", error.Message);
    }

    private static async Task<(WorkerInvocation Invocation, GatewayEngine Engine)> RunGatewayAsync(
        string method, string path, Action<HttpRequest>? configure = null)
    {
        var engine = await FunctionsEngine.CreateAsync(Config);
        var invocation = WorkerInvocation.For(GatewayFunction.Name, FunctionsEngine.Request(method, path, configure));
        var function = new GatewayFunction(engine);

        await invocation.RunAsync(new MatchAndAuthorizeMiddleware(engine), httpContext => function.RunAsync(httpContext!.Request));
        return (invocation, engine);
    }
}
