namespace FunctionGateway.Routing;

/// <summary>The routes that end at one node of the tree, one slot per method plus ANY.</summary>
internal sealed class RouteEndpoints<TRoute> where TRoute : class, IRoutable
{
    private readonly TRoute?[] _byMethod = new TRoute?[RouteMethods.ExactCount + 1];

    /// <summary>Adds a route; false when the slot is taken (the validator reports such duplicates).</summary>
    public bool TryAdd(TRoute route)
    {
        ref var slot = ref _byMethod[(int)route.Method];
        if (slot is not null)
        {
            return false;
        }

        slot = route;
        return true;
    }

    /// <summary>The route for the request method: an exact method before ANY.</summary>
    public TRoute? Find(RouteMethod requestMethod) =>
        (requestMethod == RouteMethod.Any ? null : _byMethod[(int)requestMethod]) ?? _byMethod[(int)RouteMethod.Any];

    public IEnumerable<TRoute> All => _byMethod.OfType<TRoute>();
}
