using System.Text;
using FunctionGateway.Engine;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Tests.Support;

/// <summary>One request through the engine's three steps, as a host runs them, on a <see cref="DefaultHttpContext"/>.</summary>
internal static class EngineRequest
{
    public static async Task<(HttpContext Context, string Body)> SendAsync(GatewayEngine engine, string method, string path,
        Action<HttpRequest>? configure = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("gateway.test");
        var body = new MemoryStream();
        context.Response.Body = body;
        configure?.Invoke(context.Request);

        if (await engine.MatchAsync(context) && await engine.AuthorizeAsync(context))
        {
            await engine.DispatchAsync(context);
        }

        return (context, Encoding.UTF8.GetString(body.ToArray()));
    }
}
