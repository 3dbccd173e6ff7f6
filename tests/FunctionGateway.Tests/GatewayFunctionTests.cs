using FunctionGateway.Functions.Tests.Support;
using Microsoft.AspNetCore.Mvc;

namespace FunctionGateway.Functions.Tests;

/// <summary>The function is the dispatch step: it writes the engine's answer and returns a result that leaves it alone.</summary>
public class GatewayFunctionTests
{
    private const string Config = """{ "paths": [{ "method": "POST", "path": "/echo", "integration": { "type": "static", "status": 201, "body": { "created": true } } }] }""";

    [Fact]
    public async Task RunAsync_MatchedRequest_WritesTheEnginesAnswerAndReturnsAnEmptyResult()
    {
        var engine = await FunctionsEngine.CreateAsync(Config);
        var httpContext = FunctionsEngine.Request("POST", "/echo");
        Assert.True(await engine.MatchAsync(httpContext));
        Assert.True(await engine.AuthorizeAsync(httpContext));

        var result = await new GatewayFunction(engine).RunAsync(httpContext.Request);

        Assert.IsType<EmptyResult>(result);
        Assert.Equal(201, httpContext.Response.StatusCode);
        Assert.Equal("""{"created":true}""", FunctionsEngine.Body(httpContext));
    }

    [Fact]
    public async Task RunAsync_NullRequest_Throws()
    {
        var engine = await FunctionsEngine.CreateAsync(Config);

        await Assert.ThrowsAsync<ArgumentNullException>(() => new GatewayFunction(engine).RunAsync(null!));
    }
}
