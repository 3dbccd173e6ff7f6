namespace FunctionGateway.Routing;

/// <summary>
/// The compiled routes of one config: a tree of segments, so that matching costs a few dictionary
/// look-ups per path segment however many routes there are.
/// </summary>
/// <remarks>
/// Priority: a route without a wildcard (exact, then parameterised: at each segment a literal is tried
/// before a parameter) beats any wildcard route; among wildcard routes the one with more fixed segments
/// wins; at the same template an exact method beats ANY. Matching is case-sensitive. A parameter matches a
/// non-empty segment only; a trailing slash is a segment of its own, so '/p' and '/p/' are different paths.
/// </remarks>
public sealed class RouteTable<TRoute> where TRoute : class, IRoutable
{
    private readonly RouteNode<TRoute> _root = new();

    public RouteTable(IEnumerable<TRoute> routes)
    {
        foreach (var route in routes)
        {
            var node = _root;
            foreach (var segment in route.Template.Segments)
            {
                node = segment.IsParameter ? node.GetOrAddParameter() : node.GetOrAddLiteral(segment.Value);
            }

            // The first route of a method and template wins; the validator reports the later ones as duplicates.
            _ = route.Template.HasWildcard ? node.GetOrAddWildcard().TryAdd(route) : node.GetOrAddTerminal().TryAdd(route);
        }
    }

    /// <summary>Matches a request path (starting with '/') and method; null when no route does.</summary>
    public RouteMatch<TRoute>? Match(string method, string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            return null;
        }

        var requestMethod = RouteMethods.FromRequest(method);
        var exact = FindExact(_root, path, 1, requestMethod);
        if (exact is not null)
        {
            // Without parameters the template's text is the request path: the endpoint's match is the answer.
            return exact.Route.Template.HasParameters ? new RouteMatch<TRoute>(exact.Route, path, path.Length) : exact;
        }

        var remainderStart = 0;
        var wildcard = FindWildcard(_root, path, 1, requestMethod, ref remainderStart);
        return wildcard is null ? null : new RouteMatch<TRoute>(wildcard.Route, path, remainderStart);
    }

    /// <summary>Routes in the order the matcher prefers them, for tools that list the table.</summary>
    public IEnumerable<TRoute> InPriorityOrder()
    {
        var exact = new List<TRoute>();
        var wildcard = new List<(int Depth, TRoute Route)>();
        Walk(_root, 0, exact, wildcard);
        return exact.Concat(wildcard.OrderByDescending(w => w.Depth).Select(w => w.Route));
    }

    // A segment starts at 'start' (just after a '/') and runs to the next '/' or the end.
    private static RouteMatch<TRoute>? FindExact(RouteNode<TRoute> node, string path, int start, RouteMethod method)
    {
        var end = path.IndexOf('/', start);
        var segment = end < 0 ? path.AsSpan(start) : path.AsSpan(start, end - start);
        var literal = node.FindLiteral(segment);

        // A parameter stands for a value: it never matches an empty segment ('/p/' or '/p//x').
        var parameter = segment.IsEmpty ? null : node.Parameter;
        if (end < 0)
        {
            return literal?.Terminal?.Find(method) ?? parameter?.Terminal?.Find(method);
        }

        return (literal is null ? null : FindExact(literal, path, end + 1, method))
            ?? (parameter is null ? null : FindExact(parameter, path, end + 1, method));
    }

    private static RouteMatch<TRoute>? FindWildcard(RouteNode<TRoute> node, string path, int start, RouteMethod method, ref int remainderStart)
    {
        // Deeper wildcards first: they match more fixed segments. 'start' is past the end when the path is used up.
        if (start <= path.Length)
        {
            var end = path.IndexOf('/', start);
            var next = end < 0 ? path.Length + 1 : end + 1;
            var segment = end < 0 ? path.AsSpan(start) : path.AsSpan(start, end - start);
            var literal = node.FindLiteral(segment);
            var found = (literal is null ? null : FindWildcard(literal, path, next, method, ref remainderStart))
                ?? (node.Parameter is null || segment.IsEmpty ? null : FindWildcard(node.Parameter, path, next, method, ref remainderStart));
            if (found is not null)
            {
                return found;
            }
        }

        var route = node.Wildcard?.Find(method);
        if (route is not null)
        {
            // The remainder keeps its leading '/': "/a/{.+}" on "/a/x/y" leaves "/x/y", on "/a" leaves "".
            remainderStart = Math.Min(start - 1, path.Length);
        }

        return route;
    }

    private static void Walk(RouteNode<TRoute> node, int depth, List<TRoute> exact, List<(int, TRoute)> wildcard)
    {
        if (node.Terminal is not null)
        {
            exact.AddRange(node.Terminal.All);
        }

        if (node.Wildcard is not null)
        {
            wildcard.AddRange(node.Wildcard.All.Select(r => (depth, r)));
        }

        foreach (var (_, child) in node.Literals.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            Walk(child, depth + 1, exact, wildcard);
        }

        if (node.Parameter is not null)
        {
            Walk(node.Parameter, depth + 1, exact, wildcard);
        }
    }
}
