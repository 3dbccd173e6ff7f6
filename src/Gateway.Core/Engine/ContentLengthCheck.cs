using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionGateway.Engine;

/// <summary>
/// RFC 9110 8.6: <c>Content-Length</c> is digits and nothing else. A server that reads <c>+3</c> or <c>-0</c> as a
/// number while a proxy in front of it does not disagrees with it on where the request ends.
/// </summary>
internal static class ContentLengthCheck
{
    /// <summary>
    /// Whether the request's Content-Length is digits alone, from the header and, where the host reads the raw bytes
    /// (<c>gateway serve</c>: Kestrel reads <c>+3</c> as 3 and keeps only the number), from the connection's
    /// <see cref="ConnectionFraming"/>. Called once per request, first thing: it counts the connection's requests.
    /// </summary>
    public static bool IsValid(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(ConnectionFraming.Key, out var framing) == true
            && framing is ConnectionFraming seen && seen.NextHasBadContentLength())
        {
            return false;
        }

        foreach (var value in context.Request.Headers[HeaderNames.ContentLength])
        {
            if (string.IsNullOrEmpty(value) || value.AsSpan().ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }
        }

        return true;
    }
}
