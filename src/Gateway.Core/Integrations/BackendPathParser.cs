using FunctionGateway.Routing;

namespace FunctionGateway.Integrations;

/// <summary>Splits a backend path template into parts, checking each against the route's parameters.</summary>
internal static class BackendPathParser
{
    // RFC 3986 pchar, without '%' (checked as an escape) and without the braces of a parameter.
    private const string PathCharacters = "-._~!$&'()*+,;=:@";

    /// <summary>Fills <paramref name="parts"/> and returns null, or returns why the template is not valid.</summary>
    public static string? Parse(string text, RouteTemplate route, List<BackendPathPart> parts)
    {
        // The server's URL itself, with nothing appended: its path may not end in '/'.
        if (text.Length == 0)
        {
            return null;
        }

        if (text[0] != '/')
        {
            return $"'{text}' must start with '/'";
        }

        if (text.AsSpan().IndexOfAny('?', '#') >= 0)
        {
            return $"'{text}' must not hold a query or fragment: the request's query is forwarded, and 'mapping.query' adds parameters";
        }

        var segments = text[1..].Split('/');
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == RouteTemplate.WildcardSegment)
            {
                if (i != segments.Length - 1)
                {
                    return $"'{text}': '{RouteTemplate.WildcardSegment}' may only be the last segment";
                }

                if (!route.HasWildcard)
                {
                    return $"'{text}' uses '{RouteTemplate.WildcardSegment}', but the route '{route.Text}' has no trailing '{RouteTemplate.WildcardSegment}' to take it from";
                }

                // The remainder brings its own leading '/', or nothing for a request on the route's fixed part.
                Flush(literal, parts);
                parts.Add(new BackendPathPart(BackendPathPartKind.Remainder, ""));
                return null;
            }

            if (segment is "." or "..")
            {
                return $"'{text}': segment '{segment}' is not allowed";
            }

            literal.Append('/');
            if (ParseSegment(text, segment, route, literal, parts) is { } error)
            {
                return error;
            }
        }

        Flush(literal, parts);
        return null;
    }

    private static string? ParseSegment(string text, string segment, RouteTemplate route, System.Text.StringBuilder literal, List<BackendPathPart> parts)
    {
        for (var c = 0; c < segment.Length; c++)
        {
            var ch = segment[c];
            if (ch == '{')
            {
                var end = segment.IndexOf('}', c + 1);
                if (end < 0)
                {
                    return $"'{text}': '{{' without a closing '}}' in segment '{segment}'";
                }

                var name = segment[(c + 1)..end];
                if (name == ".+")
                {
                    return $"'{text}': '{RouteTemplate.WildcardSegment}' must be a whole segment";
                }

                if (!route.Segments.Any(s => s.IsParameter && s.Value == name))
                {
                    return $"'{{{name}}}' is not a parameter of the route '{route.Text}'; {Parameters(route)}";
                }

                Flush(literal, parts);
                parts.Add(new BackendPathPart(BackendPathPartKind.Parameter, name));
                c = end;
            }
            else if (ch == '}')
            {
                return $"'{text}': '}}' without an opening '{{' in segment '{segment}'";
            }
            else if (ch == '%')
            {
                if (c + 2 >= segment.Length || !Uri.IsHexDigit(segment[c + 1]) || !Uri.IsHexDigit(segment[c + 2]))
                {
                    return $"'{text}': '%' must start an escape such as %20";
                }

                literal.Append(segment, c, 3);
                c += 2;
            }
            else if (char.IsAsciiLetterOrDigit(ch) || PathCharacters.Contains(ch, StringComparison.Ordinal))
            {
                literal.Append(ch);
            }
            else
            {
                return $"'{text}': character '{ch}' is not allowed in a path; percent-encode it (a space is %20)";
            }
        }

        return null;
    }

    private static string Parameters(RouteTemplate route)
    {
        var names = route.Segments.Where(s => s.IsParameter).Select(s => "{" + s.Value + "}").ToList();
        var wildcard = route.HasWildcard ? $" and '{RouteTemplate.WildcardSegment}' for the rest of the path" : "";
        return names.Count == 0
            ? $"the route has no parameters{(route.HasWildcard ? $"; use '{RouteTemplate.WildcardSegment}' for the rest of the path" : "")}"
            : $"its parameters: {string.Join(", ", names)}{wildcard}";
    }

    private static void Flush(System.Text.StringBuilder literal, List<BackendPathPart> parts)
    {
        if (literal.Length > 0)
        {
            parts.Add(new BackendPathPart(BackendPathPartKind.Literal, literal.ToString()));
            literal.Clear();
        }
    }
}
