namespace FunctionGateway.Routing;

/// <summary>The routes that end at one node of the tree, one slot per method plus ANY.</summary>
/// <remarks>
/// Each slot holds a match of the route against its own template text. A route without parameters or wildcard
/// matches that one path only, so the table hands this match out as it is and a request to it allocates nothing.
/// </remarks>
internal sealed class RouteEndpoints<TRoute> where TRoute : class, IRoutable
{
    private readonly RouteMatch<TRoute>?[] _byMethod = new RouteMatch<TRoute>?[RouteMethods.ExactCount + 1];

    /// <summary>Adds a route; false when the slot is taken (the validator reports such duplicates).</summary>
    public bool TryAdd(TRoute route)
    {
        ref var slot = ref _byMethod[(int)route.Method];
        if (slot is not null)
        {
            return false;
        }

        var text = route.Template.Text;
        slot = new RouteMatch<TRoute>(route, text, text.Length);
        return true;
    }

    /// <summary>The route for the request method, an exact method before ANY, matched against its own template text.</summary>
    public RouteMatch<TRoute>? Find(RouteMethod requestMethod) =>
        (requestMethod == RouteMethod.Any ? null : _byMethod[(int)requestMethod]) ?? _byMethod[(int)RouteMethod.Any];

    public IEnumerable<TRoute> All => _byMethod.OfType<RouteMatch<TRoute>>().Select(m => m.Route);
}
