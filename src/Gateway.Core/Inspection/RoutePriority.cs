using FunctionGateway.Configuration;
using FunctionGateway.Routing;

namespace FunctionGateway.Inspection;

/// <summary>
/// The config's routes compiled into the gateway's own <see cref="RouteTable{TRoute}"/>, with each route's rank
/// in the match order: of two routes that both match a request, the one with the lower rank serves it.
/// </summary>
internal sealed class RoutePriority
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
    /// The pairs of routes (earlier first) that some request could match both of. Routes whose first segments
    /// are different literals cannot overlap, so only those sharing one, or starting with a parameter, are compared.
    /// </summary>
    public IEnumerable<(ConfiguredRoute First, ConfiguredRoute Second)> OverlappingPairs()
    {
        var wide = new List<ConfiguredRoute>();
        var byFirstSegment = new Dictionary<string, List<ConfiguredRoute>>(StringComparer.Ordinal);
        foreach (var route in Routes)
        {
            if (route.Template.Segments is [{ IsParameter: false } first, ..])
            {
                (byFirstSegment.TryGetValue(first.Value, out var group) ? group : byFirstSegment[first.Value] = []).Add(route);
            }
            else
            {
                wide.Add(route);
            }
        }

        var candidates = byFirstSegment.Values.SelectMany(Pairs)
            .Concat(Pairs(wide))
            .Concat(wide.SelectMany(w => byFirstSegment.Values.SelectMany(g => g).Select(r => w.Index < r.Index ? (w, r) : (r, w))));
        return candidates
            .Where(p => TemplateOverlap.MethodsOverlap(p.Item1.Method, p.Item2.Method) && TemplateOverlap.Intersects(p.Item1.Template, p.Item2.Template))
            .OrderBy(p => p.Item2.Index).ThenBy(p => p.Item1.Index);
    }

    private static IEnumerable<(ConfiguredRoute, ConfiguredRoute)> Pairs(List<ConfiguredRoute> group)
    {
        for (var i = 0; i < group.Count; i++)
        {
            for (var j = i + 1; j < group.Count; j++)
            {
                yield return (group[i], group[j]);
            }
        }
    }
}
