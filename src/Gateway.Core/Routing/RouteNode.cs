namespace FunctionGateway.Routing;

/// <summary>One segment position of the route tree.</summary>
internal sealed class RouteNode<TRoute> where TRoute : class, IRoutable
{
    private Dictionary<string, RouteNode<TRoute>>? _literals;
    private Dictionary<string, RouteNode<TRoute>>.AlternateLookup<ReadOnlySpan<char>> _literalLookup;

    public RouteNode<TRoute>? Parameter { get; private set; }

    /// <summary>Routes whose template ends here.</summary>
    public RouteEndpoints<TRoute>? Terminal { get; private set; }

    /// <summary>Routes whose template ends here with <c>{.+}</c>.</summary>
    public RouteEndpoints<TRoute>? Wildcard { get; private set; }

    public IEnumerable<KeyValuePair<string, RouteNode<TRoute>>> Literals =>
        _literals ?? Enumerable.Empty<KeyValuePair<string, RouteNode<TRoute>>>();

    public RouteNode<TRoute> GetOrAddLiteral(string segment)
    {
        if (_literals is null)
        {
            _literals = new Dictionary<string, RouteNode<TRoute>>(StringComparer.Ordinal);
            _literalLookup = _literals.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        if (!_literals.TryGetValue(segment, out var child))
        {
            child = new RouteNode<TRoute>();
            _literals[segment] = child;
        }

        return child;
    }

    public RouteNode<TRoute> GetOrAddParameter() => Parameter ??= new RouteNode<TRoute>();

    public RouteEndpoints<TRoute> GetOrAddTerminal() => Terminal ??= new RouteEndpoints<TRoute>();

    public RouteEndpoints<TRoute> GetOrAddWildcard() => Wildcard ??= new RouteEndpoints<TRoute>();

    public RouteNode<TRoute>? FindLiteral(ReadOnlySpan<char> segment) =>
        _literals is not null && _literalLookup.TryGetValue(segment, out var child) ? child : null;
}
