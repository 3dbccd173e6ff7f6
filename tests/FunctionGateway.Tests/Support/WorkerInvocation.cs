using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace FunctionGateway.Functions.Tests.Support;

/// <summary>
/// One invocation as the isolated worker with ASP.NET Core integration runs it: a <see cref="FunctionContext"/>
/// for a named function whose <c>Items</c> hold the worker's own <see cref="HttpContext"/> under the key the
/// integration's proxying middleware uses, then our middleware, then (if it calls on) the function, whose
/// <see cref="IActionResult"/> the integration executes afterwards.
/// </summary>
internal sealed class WorkerInvocation
{
    // The key of FunctionContext.Items under which the integration's FunctionsHttpProxyingMiddleware puts the
    // request's HttpContext (its Constants.HttpContextKey), and where FunctionContext.GetHttpContext() looks.
    public const string HttpContextKey = "HttpRequestContext";

    private WorkerInvocation(FunctionContext context, HttpContext? httpContext)
    {
        Context = context;
        HttpContext = httpContext;
    }

    public FunctionContext Context { get; }

    public HttpContext? HttpContext { get; }

    public int FunctionRuns { get; private set; }

    public static WorkerInvocation For(string functionName, HttpContext? httpContext)
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(functionName);
        var items = new Dictionary<object, object>();
        if (httpContext is not null)
        {
            items[HttpContextKey] = httpContext;
        }

        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.Items).Returns(items);
        context.SetupGet(c => c.InvocationId).Returns(Guid.NewGuid().ToString());
        return new WorkerInvocation(context.Object, httpContext);
    }

    /// <summary>Runs <paramref name="middleware"/> with the gateway function (or <paramref name="function"/>) as what comes next.</summary>
    public async Task RunAsync(MatchAndAuthorizeMiddleware middleware, Func<HttpContext?, Task<IActionResult>> function)
    {
        IActionResult? result = null;
        await middleware.Invoke(Context, async _ =>
        {
            FunctionRuns++;
            result = await function(HttpContext);
        });

        if (result is not null && HttpContext is not null)
        {
            await result.ExecuteResultAsync(new ActionContext(HttpContext, HttpContext.GetRouteData(), new ActionDescriptor()));
        }
    }
}
