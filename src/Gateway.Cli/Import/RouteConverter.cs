using FunctionGateway.Routing;

namespace FunctionGateway.Cli.Import;

/// <summary>
/// Turns a proxy's route template (ASP.NET Core syntax: <c>api/{id}</c>, <c>{id:int}</c>, <c>{*rest}</c>) into a
/// gateway route (<c>/api/{id}</c>, <c>/{.+}</c>). Returns null, with the reason reported, when it has no equivalent.
/// </summary>
internal static class RouteConverter
{
    private const string Item = "matchCondition.route";

    public static string? Convert(string route, ProxyScope scope)
    {
        var segments = route.Trim().TrimStart('/').Split('/');
        var converted = new List<string>(segments.Length);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (!segment.Contains('{', StringComparison.Ordinal) && !segment.Contains('}', StringComparison.Ordinal))
            {
                converted.Add(segment);
                continue;
            }

            if (!(segment.StartsWith('{') && segment.EndsWith('}') && segment.IndexOf('{', 1) < 0))
            {
                scope.NotConverted(Item, $"'{route}': segment '{segment}' mixes a parameter with text, which gateway routes cannot match; " +
                    "make the parameter a whole segment");
                return null;
            }

            var parameter = segment[1..^1];
            if (parameter.StartsWith('*'))
            {
                if (i != segments.Length - 1)
                {
                    scope.NotConverted(Item, $"'{route}': the catch-all '{segment}' is not the last segment; a gateway catch-all '{{.+}}' must be");
                    return null;
                }

                scope.WildcardName = Name(parameter.TrimStart('*'), route, scope);
                converted.Add(RouteTemplate.WildcardSegment);
                break;
            }

            var name = Name(parameter, route, scope);
            scope.Parameters.Add(name);
            converted.Add("{" + name + "}");
        }

        var path = "/" + string.Join('/', converted);
        if (!RouteTemplate.TryParse(path, out _, out var error))
        {
            scope.NotConverted(Item, $"'{route}' becomes '{path}', which {error}");
            return null;
        }

        return path;
    }

    /// <summary>The parameter's name without its constraints, default or '?', each of which is reported.</summary>
    private static string Name(string parameter, string route, ProxyScope scope)
    {
        var end = parameter.IndexOfAny([':', '=', '?']);
        if (end < 0)
        {
            return parameter;
        }

        var name = parameter[..end];
        var rest = parameter[end..];
        var reason = rest[0] switch
        {
            ':' => $"the constraint '{rest}' on '{{{name}}}' is not enforced: the gateway route matches any value in that segment; check it in the back end",
            '=' => $"the default value '{rest[1..]}' of '{{{name}}}' is not supported: the segment is required; add a route without it for the default",
            _ => $"the optional parameter '{{{name}}}' is required in the gateway; add a route without it",
        };
        scope.NotConverted(Item, $"'{route}': {reason}");
        return name;
    }
}
