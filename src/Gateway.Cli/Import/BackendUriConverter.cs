using System.Text;
using FunctionGateway.Routing;

namespace FunctionGateway.Cli.Import;

/// <summary>
/// Splits a proxy's <c>backendUri</c> into a server (its origin, or the app setting that holds the base URL), a
/// backend path template with the route's parameters, and query parameters for the mapping.
/// </summary>
internal static class BackendUriConverter
{
    private const string Item = "backendUri";

    // RFC 3986 path characters besides letters and digits; others are percent-encoded.
    private const string PathCharacters = "-._~!$&'()*+,;=:@/%";

    public static BackendTarget? Convert(string backendUri, ProxyScope scope, ServerSet servers)
    {
        var raw = backendUri.Trim();
        var fragment = raw.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            scope.NotConverted(Item, $"the fragment '{raw[fragment..]}' is dropped: a fragment is never sent to a server");
            raw = raw[..fragment];
        }

        var queryStart = raw.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart < 0 ? "" : raw[(queryStart + 1)..];
        var address = Placeholders(queryStart < 0 ? raw : raw[..queryStart], scope);
        if (address is null)
        {
            return null;
        }

        var (origin, rest) = SplitOrigin(address, scope);
        if (origin is null)
        {
            return null;
        }

        if (origin.Contains('{', StringComparison.Ordinal))
        {
            scope.NotConverted(Item, $"the back-end host of '{backendUri}' comes from the request; a gateway server's URL is fixed");
            return null;
        }

        if (origin.Contains("://localhost", StringComparison.OrdinalIgnoreCase))
        {
            scope.NotConverted(Item, "'localhost' called a function of the same function app; the gateway forwards over HTTP to a server, " +
                "so set this server's url to the address of the app that now hosts those functions");
        }

        // Nothing after a setting that holds the base URL: that URL exactly, as Proxies called it.
        var path = rest.Length == 0 ? (origin.StartsWith("$env.", StringComparison.Ordinal) ? "" : "/") : ConvertPath(rest, scope);
        var mapping = ConvertQuery(query, scope);
        return path is null || mapping is null ? null : new BackendTarget(servers.AliasFor(origin), path, mapping);
    }

    /// <summary>The address with <c>$env.NAME</c> for settings and <c>{reference}</c> left for the path; literal braces encoded.</summary>
    private static string? Placeholders(string address, ProxyScope scope)
    {
        var text = new StringBuilder();
        foreach (var token in ProxyTemplate.Parse(address))
        {
            switch (token.Kind)
            {
                case ProxyTokenKind.Literal:
                    text.Append(token.Text.Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal));
                    break;
                case ProxyTokenKind.AppSetting:
                    if (ValueConverter.AppSetting(token.Text, scope, Item) is not { } env)
                    {
                        return null;
                    }

                    text.Append(env);
                    break;
                default:
                    text.Append('{').Append(token.Text).Append('}');
                    break;
            }
        }

        return text.ToString();
    }

    private static (string? Origin, string Remainder) SplitOrigin(string address, ProxyScope scope)
    {
        // '%BACKEND_URL%/orders': the setting holds the base URL, whose path the gateway keeps as a prefix.
        if (address.StartsWith("$env.", StringComparison.Ordinal))
        {
            var end = address.IndexOf('/', StringComparison.Ordinal);
            return end < 0 ? (address, "") : (address[..end], address[end..]);
        }

        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        var schemeName = scheme < 0 ? "" : address[..scheme];
        if (!schemeName.Equals("http", StringComparison.OrdinalIgnoreCase) && !schemeName.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            scope.NotConverted(Item, $"'{address}' is not an absolute http:// or https:// URL (or an app setting holding one)");
            return (null, "");
        }

        var pathStart = address.IndexOf('/', scheme + 3);
        return pathStart < 0 ? (address.ToLowerInvariant()[..scheme] + address[scheme..], "")
            : (address[..scheme].ToLowerInvariant() + address[scheme..pathStart], address[pathStart..]);
    }

    private static string? ConvertPath(string path, ProxyScope scope)
    {
        var segments = path[1..].Split('/');
        var result = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            result.Append('/');
            if (segment.Length > 2 && segment[0] == '{' && segment[^1] == '}' && scope.IsWildcard(segment[1..^1]))
            {
                if (i != segments.Length - 1)
                {
                    scope.NotConverted(Item, $"the catch-all '{segment}' is not at the end of the back-end path, where a gateway '{{.+}}' must be");
                    return null;
                }

                result.Append(RouteTemplate.WildcardSegment);
                continue;
            }

            if (ConvertSegment(segment, scope, result) is false)
            {
                return null;
            }
        }

        return result.ToString();
    }

    private static bool ConvertSegment(string segment, ProxyScope scope, StringBuilder result)
    {
        for (var c = 0; c < segment.Length; c++)
        {
            var ch = segment[c];
            if (ch == '{')
            {
                var end = segment.IndexOf('}', c + 1);
                var reference = segment[(c + 1)..end];
                if (scope.Parameter(reference) is not { } parameter)
                {
                    scope.NotConverted(Item, scope.IsWildcard(reference)
                        ? $"the catch-all '{{{reference}}}' is part of a path segment; a gateway '{{.+}}' must be a whole segment"
                        : $"'{{{reference}}}' in the back-end path is not a parameter of the route; the gateway builds the path from route parameters only");
                    return false;
                }

                result.Append('{').Append(parameter).Append('}');
                c = end;
            }
            else if (char.IsAsciiLetterOrDigit(ch) || PathCharacters.Contains(ch, StringComparison.Ordinal))
            {
                result.Append(ch);
            }
            else
            {
                result.Append(Uri.EscapeDataString(ch.ToString()));
            }
        }

        return true;
    }

    private static List<KeyValuePair<string, string>>? ConvertQuery(string query, ProxyScope scope)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var item = $"{Item} query parameter '{name}'";
            if (result.Any(r => r.Key == name))
            {
                scope.NotConverted(item, "is given twice; the gateway sets one value per mapped parameter, the first is kept");
                continue;
            }

            if (ValueConverter.ToMapping(equals < 0 ? "" : pair[(equals + 1)..], scope, item) is not { } value)
            {
                continue;
            }

            // The value is sent encoded by the gateway; literal escapes of the proxies.json text are decoded once here.
            result.Add(KeyValuePair.Create(name, Uri.UnescapeDataString(value.Replace('+', ' '))));
        }

        return result;
    }
}
