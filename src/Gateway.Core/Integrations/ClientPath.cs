using System.Buffers;
using FunctionGateway.Model;
using FunctionGateway.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FunctionGateway.Integrations;

/// <summary>
/// The path to forward, escaped the way the client escaped it. The decoded path cannot be re-escaped
/// faithfully: Kestrel leaves <c>%2F</c> encoded but decodes <c>%25</c>, so <c>a%2Fb</c> and <c>a%252Fb</c>
/// read the same once decoded, and escaping the result again sends <c>a%252Fb</c> for both.
/// </summary>
internal static class ClientPath
{
    // RFC 3986 pchar, '/' and '%': a raw path with anything else (a '\' that System.Uri would turn into '/', say)
    // is escaped from the decoded path instead, never passed on as it came.
    private static readonly SearchValues<char> RawPathChars =
        SearchValues.Create("!$&'()*+,-./0123456789:;=@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~%");

    /// <summary>The whole path, or for a wildcard route what follows its fixed segments ("" or "/...").</summary>
    public static string Forwarded(HttpContext context, RouteMatch<GatewayRoute> match)
    {
        var raw = RawPath(context, match.Path);
        if (raw is null)
        {
            return new PathString(match.Remainder.ToString()).ToUriComponent();
        }

        if (!match.Route.Template.HasWildcard)
        {
            return raw;
        }

        // Skip the template's fixed segments; the remainder keeps its leading '/'.
        var at = 0;
        for (var i = 0; i < match.Route.Template.Segments.Count && at < raw.Length; i++)
        {
            var next = raw.IndexOf('/', at + 1);
            at = next < 0 ? raw.Length : next;
        }

        return raw[at..];
    }

    // The request target's path, when it is the very path the route was matched on: origin-form, no path base,
    // and no dot segment (those the server resolved, so the raw path would reach past the matched route).
    private static string? RawPath(HttpContext context, string matchedPath)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/' || context.Request.PathBase.HasValue)
        {
            return null;
        }

        var query = target.IndexOf('?');
        var path = query < 0 ? target.AsSpan() : target.AsSpan(0, query);
        if (path.ContainsAnyExcept(RawPathChars) || path.Count('/') != matchedPath.AsSpan().Count('/'))
        {
            return null;
        }

        foreach (var range in path.Split('/'))
        {
            if (IsDotSegment(path[range]))
            {
                return null;
            }
        }

        return query < 0 ? target : target[..query];
    }

    private static bool IsDotSegment(ReadOnlySpan<char> segment)
    {
        var dots = 0;
        while (!segment.IsEmpty && dots <= 2)
        {
            if (segment[0] == '.')
            {
                segment = segment[1..];
            }
            else if (segment.Length >= 3 && segment[0] == '%' && segment[1] == '2' && (segment[2] is 'e' or 'E'))
            {
                segment = segment[3..];
            }
            else
            {
                return false;
            }

            dots++;
        }

        return dots is 1 or 2 && segment.IsEmpty;
    }
}
