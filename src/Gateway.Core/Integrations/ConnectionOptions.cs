using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FunctionGateway.Integrations;

/// <summary>
/// Headers a sender names in its <c>Connection</c> header belong to that one connection (RFC 9110 7.6.1): a proxy
/// removes them before forwarding. YARP drops the fixed hop-by-hop set (Connection, Keep-Alive, TE, Upgrade...) on
/// both sides but not the names listed in Connection, so these remove those, toward the upstream and the client.
/// </summary>
/// <remarks>
/// Kestrel replaces a request's <c>Connection</c> whose only option it recognises is <c>keep-alive</c>, <c>close</c>
/// or <c>upgrade</c> by that one word before any application code runs, so names listed beside it
/// (<c>keep-alive, X-Secret</c>) never reach the gateway and cannot be honoured there.
/// </remarks>
internal static class ConnectionOptions
{
    public static void RemoveFromRequest(StringValues connection, HttpRequestMessage proxyRequest)
    {
        foreach (var value in connection)
        {
            ForEachName(value, proxyRequest, static (request, name) =>
            {
                request.Headers.Remove(name);
                request.Content?.Headers.Remove(name);
            });
        }
    }

    public static void RemoveFromResponse(HttpResponseMessage proxyResponse, IHeaderDictionary clientHeaders)
    {
        if (!proxyResponse.Headers.NonValidated.TryGetValues("Connection", out var connection))
        {
            return;
        }

        foreach (var value in connection)
        {
            ForEachName(value, clientHeaders, static (headers, name) => headers.Remove(name));
        }
    }

    private static void ForEachName<TState>(string? value, TState state, Action<TState, string> action)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(',');
            var name = (comma < 0 ? rest : rest[..comma]).Trim(" \t");
            rest = comma < 0 ? [] : rest[(comma + 1)..];

            // Options YARP drops anyway are skipped, so the usual 'keep-alive' and 'close' cost nothing.
            if (!name.IsEmpty && !IsDroppedAnyway(name))
            {
                action(state, name.ToString());
            }
        }
    }

    private static bool IsDroppedAnyway(ReadOnlySpan<char> name) =>
        name.Equals("keep-alive", StringComparison.OrdinalIgnoreCase)
        || name.Equals("close", StringComparison.OrdinalIgnoreCase)
        || name.Equals("upgrade", StringComparison.OrdinalIgnoreCase);
}
