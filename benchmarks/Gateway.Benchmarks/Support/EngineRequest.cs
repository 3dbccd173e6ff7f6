using FunctionGateway.Engine;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Benchmarks.Support;

/// <summary>A reusable request and the engine's three steps run on it, as a host runs them.</summary>
internal static class EngineRequest
{
    public static DefaultHttpContext Create(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("gateway.test");
        context.Request.Path = path;
        // The body goes nowhere: what it costs to write to a socket is Kestrel's, not the gateway's.
        context.Response.Body = Stream.Null;
        return context;
    }

    public static async ValueTask<bool> RunAsync(GatewayEngine engine, HttpContext context)
    {
        if (await engine.MatchAsync(context) && await engine.AuthorizeAsync(context))
        {
            await engine.DispatchAsync(context);
            return true;
        }

        return false;
    }
}
