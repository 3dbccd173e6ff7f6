using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FunctionGateway.Load.BareProxy;

/// <summary>
/// Copies a bodiless request to the upstream and its answer back, with the header work every proxy of the run
/// does (hop-by-hop headers dropped, X-Forwarded-For, -Proto and -Host set) and nothing more.
/// </summary>
internal sealed class BareForwarder(HttpMessageInvoker invoker, Uri upstream)
{
    // RFC 9110 7.6.1 and the ones every proxy drops; Host is the upstream's own.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
        "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
    };

    public async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        using var message = new HttpRequestMessage(HttpMethod.Parse(request.Method), new Uri(upstream, request.Path.Value + request.QueryString.Value));
        foreach (var (name, values) in request.Headers)
        {
            if (!NotForwarded.Contains(name))
            {
                message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        message.Headers.TryAddWithoutValidation("X-Forwarded-For", context.Connection.RemoteIpAddress?.ToString());
        message.Headers.TryAddWithoutValidation("X-Forwarded-Proto", request.Scheme);
        message.Headers.TryAddWithoutValidation("X-Forwarded-Host", request.Host.Value);

        using var answer = await invoker.SendAsync(message, context.RequestAborted);
        var response = context.Response;
        response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.NonValidated)
        {
            if (!NotForwarded.Contains(name))
            {
                response.Headers[name] = Values(values);
            }
        }

        foreach (var (name, values) in answer.Content.Headers.NonValidated)
        {
            response.Headers[name] = Values(values);
        }

        await answer.Content.CopyToAsync(response.Body, context.RequestAborted);
    }

    // Each value stays a value of its own (Set-Cookie cannot be joined with commas).
    private static StringValues Values(HeaderStringValues values) =>
        values.Count == 1 ? values.ToString() : new StringValues([.. values]);
}
