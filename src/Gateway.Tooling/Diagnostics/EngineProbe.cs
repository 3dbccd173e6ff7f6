using System.Text;
using FunctionGateway.Engine;
using FunctionGateway.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>
/// Sends the request through the engine's real match and authorize steps, on an in-memory
/// <see cref="HttpContext"/>: the answer <c>gateway explain</c> reports is the one the engine writes.
/// The dispatch step is not run, so no upstream is ever called.
/// </summary>
internal static class EngineProbe
{
    public static HttpContext CreateContext(ExplainRequest request)
    {
        var context = new DefaultHttpContext();
        var http = context.Request;
        http.Method = request.Method;
        http.Scheme = "http";
        http.Host = new HostString("gateway.explain");
        var (path, query) = SplitQuery(request.Path);
        http.Path = new PathString(path);
        var queryString = QueryString.Create(query.Concat(request.Query).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)));
        http.QueryString = queryString;
        foreach (var (name, value) in request.Headers)
        {
            http.Headers.Append(name, value);
        }

        if (request.Cookies.Count > 0)
        {
            http.Headers.Append(HeaderNames.Cookie, string.Join("; ", request.Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    public static async Task<EngineAnswer> RunAsync(GatewayRuntime runtime, HttpContext context)
    {
        // The engine as a host gets it, serving this one runtime, with no log.
        await using var services = new ServiceCollection().AddLogging().AddGatewayEngine().BuildServiceProvider();
        services.GetRequiredService<GatewayRuntimeHolder>().Publish(runtime);
        var engine = services.GetRequiredService<GatewayEngine>();
        var passed = await engine.MatchAsync(context) && await engine.AuthorizeAsync(context);
        var response = context.Response;
        var body = Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray());
        var challenge = response.Headers.WWWAuthenticate.Count > 0 ? response.Headers.WWWAuthenticate.ToString() : null;
        var error = context.Features.Get<GatewayRequestFeature>()?.Error;
        return new EngineAnswer(passed, passed ? 0 : response.StatusCode, challenge, body, error);
    }

    // "/orders?x=1" is accepted as --path, the way a URL is pasted; the query joins the --query values.
    private static (string Path, IEnumerable<KeyValuePair<string, string>> Query) SplitQuery(string path)
    {
        var mark = path.IndexOf('?', StringComparison.Ordinal);
        if (mark < 0)
        {
            return (path, []);
        }

        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(path[mark..]);
        return (path[..mark], parsed.SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))));
    }
}
