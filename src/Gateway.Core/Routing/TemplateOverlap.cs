namespace FunctionGateway.Routing;

/// <summary>
/// How the request paths of two templates relate: whether some path matches both, whether one template's paths
/// are all matched by the other, and a path that matches both. Which route wins such a path is the route
/// table's to say (<see cref="RouteTable{TRoute}.InPriorityOrder"/>), not this class's.
/// </summary>
internal static class TemplateOverlap
{
    public static bool MethodsOverlap(RouteMethod a, RouteMethod b) => a == b || a == RouteMethod.Any || b == RouteMethod.Any;

    /// <summary>True when at least one request path matches both templates.</summary>
    public static bool Intersects(RouteTemplate a, RouteTemplate b)
    {
        if (!a.HasWildcard && !b.HasWildcard && a.Segments.Count != b.Segments.Count)
        {
            return false;
        }

        // A template without a wildcard matches exactly its number of segments; a wildcard one, at least its own.
        if ((!a.HasWildcard && a.Segments.Count < b.Segments.Count) || (!b.HasWildcard && b.Segments.Count < a.Segments.Count))
        {
            return false;
        }

        var common = Math.Min(a.Segments.Count, b.Segments.Count);
        for (var i = 0; i < common; i++)
        {
            if (!a.Segments[i].IsParameter && !b.Segments[i].IsParameter && a.Segments[i].Value != b.Segments[i].Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every request path that <paramref name="narrow"/> matches is also matched by <paramref name="wide"/>.</summary>
    public static bool Covers(RouteTemplate wide, RouteTemplate narrow)
    {
        if (wide.HasWildcard ? narrow.Segments.Count < wide.Segments.Count : narrow.HasWildcard || narrow.Segments.Count != wide.Segments.Count)
        {
            return false;
        }

        for (var i = 0; i < wide.Segments.Count; i++)
        {
            if (!wide.Segments[i].IsParameter && (narrow.Segments[i].IsParameter || narrow.Segments[i].Value != wide.Segments[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A request path that both templates match (call only when they intersect): each segment is a literal of
    /// either template, or a parameter written as <c>{name}</c>, which reads as "any value" and matches as one.
    /// </summary>
    public static string ExamplePath(RouteTemplate a, RouteTemplate b)
    {
        var count = Math.Max(a.Segments.Count, b.Segments.Count);
        var segments = new string[count];
        for (var i = 0; i < count; i++)
        {
            TemplateSegment? first = i < a.Segments.Count ? a.Segments[i] : null;
            TemplateSegment? second = i < b.Segments.Count ? b.Segments[i] : null;
            var literal = first is { IsParameter: false } ? first : second is { IsParameter: false } ? second : null;
            segments[i] = literal is { } l ? l.Value : "{" + (first ?? second)!.Value.Value + "}";
        }

        return "/" + string.Join('/', segments);
    }

    /// <summary>The first segment where one template has a literal and the other a parameter, or -1.</summary>
    public static int FirstLiteralAgainstParameter(RouteTemplate a, RouteTemplate b)
    {
        var common = Math.Min(a.Segments.Count, b.Segments.Count);
        for (var i = 0; i < common; i++)
        {
            if (a.Segments[i].IsParameter != b.Segments[i].IsParameter)
            {
                return i;
            }
        }

        return -1;
    }
}
