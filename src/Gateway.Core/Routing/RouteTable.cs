namespace FunctionGateway.Routing;

/// <summary>
/// The compiled routes of one config: a tree of segments, so that matching costs a few dictionary
/// look-ups per path segment however many routes there are.
/// </summary>
/// <remarks>
/// Priority: a route without a wildcard beats any wildcard route. Between two routes of the same group, the
/// templates are compared segment by segment from the left, and at the first difference a literal beats a
/// parameter; between two wildcards where one template extends the other (<c>/a/b/{.+}</c>, <c>/a/{.+}</c>),
/// the longer one wins. At the same template an exact method beats ANY. Matching is case-sensitive.
/// A parameter matches a non-empty segment only; a trailing slash is a segment of its own, so '/p' and '/p/' are
/// different paths.
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

    /// <summary>
    /// Every route in the order the matcher tries them: for any request, the first route of this list that
    /// matches its method and path is the one <see cref="Match"/> returns. Routes without a wildcard come first:
    /// exact templates (each beats any parameterised one it overlaps), then parameterised ones in the order of the
    /// tree walk (a literal before a parameter at each segment); then wildcard routes in the order of the
    /// backtracking walk, deeper nodes of a branch before the branch's own wildcard.
    /// </summary>
    public IReadOnlyList<TRoute> InPriorityOrder()
    {
        var exact = new List<TRoute>();
        var wildcard = new List<TRoute>();
        Walk(_root, exact, wildcard);
        return [.. exact.OrderBy(r => r.Template.HasParameters), .. wildcard];
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

    // Mirrors FindExact (terminals, literal children before the parameter child) and FindWildcard (children
    // first, then the node's own wildcard), so the listing cannot drift from the matcher.
    private static void Walk(RouteNode<TRoute> node, List<TRoute> exact, List<TRoute> wildcard)
    {
        if (node.Terminal is not null)
        {
            exact.AddRange(node.Terminal.All);
        }

        foreach (var (_, child) in node.Literals.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            Walk(child, exact, wildcard);
        }

        if (node.Parameter is not null)
        {
            Walk(node.Parameter, exact, wildcard);
        }

        if (node.Wildcard is not null)
        {
            wildcard.AddRange(node.Wildcard.All);
        }
    }
}
