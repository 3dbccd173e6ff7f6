namespace FunctionGateway.Routing;

/// <summary>
/// A parsed route path: literal segments, <c>{name}</c> parameters (one segment each) and an optional
/// trailing <c>{.+}</c> wildcard that matches the rest of the path, zero or more segments.
/// </summary>
public sealed class RouteTemplate
{
    public const string WildcardSegment = "{.+}";

    private RouteTemplate(string text, IReadOnlyList<TemplateSegment> segments, bool hasWildcard)
    {
        Text = text;
        Segments = segments;
        HasWildcard = hasWildcard;
        HasParameters = segments.Any(s => s.IsParameter);
    }

    public string Text { get; }

    /// <summary>The segments before any wildcard.</summary>
    public IReadOnlyList<TemplateSegment> Segments { get; }

    public bool HasWildcard { get; }

    /// <summary>True when a <c>{name}</c> segment lets the route match more than one path (a wildcard aside).</summary>
    public bool HasParameters { get; }

    public RouteKind Kind => HasWildcard ? RouteKind.Wildcard : HasParameters ? RouteKind.Parameterised : RouteKind.Exact;

    /// <summary>The template with parameter names erased, so that <c>/a/{id}</c> and <c>/a/{x}</c> compare equal.</summary>
    /// <remarks>Built once: the config rules compare shapes of many pairs of routes.</remarks>
    public string Shape => field ??= "/" + string.Join('/', Segments.Select(s => s.IsParameter ? "{}" : s.Value))
        + (HasWildcard ? (Segments.Count == 0 ? "" : "/") + WildcardSegment : "");

    public static bool TryParse(string text, out RouteTemplate? template, out string? error)
    {
        template = null;
        if (string.IsNullOrEmpty(text) || text[0] != '/')
        {
            error = "must start with '/'";
            return false;
        }

        var parts = text[1..].Split('/');
        var segments = new List<TemplateSegment>(parts.Length);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var hasWildcard = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part == WildcardSegment)
            {
                if (i != parts.Length - 1)
                {
                    error = $"'{WildcardSegment}' may only be the last segment";
                    return false;
                }

                hasWildcard = true;
                break;
            }

            if (part is "." or "..")
            {
                error = $"segment '{part}' is not allowed";
                return false;
            }

            if (part.StartsWith('{') && part.EndsWith('}') && part.Length > 2)
            {
                var name = part[1..^1];
                if (name.AsSpan().IndexOfAny("{}/*".AsSpan()) >= 0)
                {
                    error = $"parameter '{part}' has an invalid name; use letters, digits, '_' or '-', or '{WildcardSegment}' as the last segment";
                    return false;
                }

                if (!names.Add(name))
                {
                    error = $"parameter '{{{name}}}' appears twice";
                    return false;
                }

                segments.Add(new TemplateSegment(name, IsParameter: true));
                continue;
            }

            if (part.Contains('{') || part.Contains('}'))
            {
                error = $"segment '{part}' mixes braces with text; a parameter must be a whole segment such as '{{id}}'";
                return false;
            }

            segments.Add(new TemplateSegment(part, IsParameter: false));
        }

        template = new RouteTemplate(text, segments, hasWildcard);
        error = null;
        return true;
    }
}
