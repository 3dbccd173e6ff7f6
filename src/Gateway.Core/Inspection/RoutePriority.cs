using FunctionGateway.Configuration;
using FunctionGateway.Routing;

namespace FunctionGateway.Inspection;

/// <summary>
/// The config's routes compiled into the gateway's own <see cref="RouteTable{TRoute}"/>, with each route's rank
/// in the match order: of two routes that both match a request, the one with the lower rank serves it.
/// </summary>
public sealed class RoutePriority
{
    private readonly Dictionary<ConfiguredRoute, int> _ranks;

    public RoutePriority(GatewayConfig config)
    {
        Routes = ConfiguredRoute.From(config);
        Table = new RouteTable<ConfiguredRoute>(Routes);
        Order = Table.InPriorityOrder();
        _ranks = new Dictionary<ConfiguredRoute, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Order.Count; i++)
        {
            _ranks[Order[i]] = i;
        }
    }

    /// <summary>Every route that parses, in the config's order.</summary>
    public IReadOnlyList<ConfiguredRoute> Routes { get; }

    public RouteTable<ConfiguredRoute> Table { get; }

    /// <summary>The routes in match order; a duplicate of an earlier route is not in it, since it never matches.</summary>
    public IReadOnlyList<ConfiguredRoute> Order { get; }

    /// <summary>The route's rank in <see cref="Order"/>, or null for a duplicate that never matches.</summary>
    public int? RankOf(ConfiguredRoute route) => _ranks.TryGetValue(route, out var rank) ? rank : null;

    /// <summary>
    /// The pairs of routes (earlier first) that some request could match both of, in the config's order; with
    /// <paramref name="complete"/> false, only some of them (<see cref="OverlapSearch"/> stops at <paramref name="limit"/>).
    /// </summary>
    public IEnumerable<(ConfiguredRoute First, ConfiguredRoute Second)> OverlappingPairs(int limit, out bool complete) =>
        OverlapSearch.Pairs(Routes, limit, out complete)
            .Where(p => TemplateOverlap.MethodsOverlap(p.First.Method, p.Second.Method))
            .OrderBy(p => p.Second.Index).ThenBy(p => p.First.Index);
}
