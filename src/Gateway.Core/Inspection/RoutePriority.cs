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
    /// The pairs of routes (earlier first) that some request could match both of, in the config's order. Routes
    /// are compared only where their templates could meet: grouped by the literal at each segment, a route is
    /// compared with the others of its group only when it has a parameter there, or ends there with a wildcard.
    /// </summary>
    public IEnumerable<(ConfiguredRoute First, ConfiguredRoute Second)> OverlappingPairs()
    {
        var candidates = new List<(ConfiguredRoute, ConfiguredRoute)>();
        Collect(Routes, 0, candidates);
        return candidates
            .Where(p => TemplateOverlap.MethodsOverlap(p.Item1.Method, p.Item2.Method) && TemplateOverlap.Intersects(p.Item1.Template, p.Item2.Template))
            .OrderBy(p => p.Item2.Index).ThenBy(p => p.Item1.Index);
    }

    private static void Collect(IReadOnlyList<ConfiguredRoute> routes, int depth, List<(ConfiguredRoute, ConfiguredRoute)> pairs)
    {
        if (routes.Count < 2)
        {
            return;
        }

        var wide = new List<ConfiguredRoute>();
        var groups = new Dictionary<string, List<ConfiguredRoute>>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            if (route.Template.Segments.Count > depth && !route.Template.Segments[depth].IsParameter)
            {
                var literal = route.Template.Segments[depth].Value;
                (groups.TryGetValue(literal, out var group) ? group : groups[literal] = []).Add(route);
            }
            else
            {
                wide.Add(route);
            }
        }

        for (var i = 0; i < wide.Count; i++)
        {
            for (var j = i + 1; j < wide.Count; j++)
            {
                pairs.Add(Ordered(wide[i], wide[j]));
            }

            // A template without a wildcard that ends before this segment only meets routes of its own length, all in 'wide'.
            if (wide[i].Template.HasWildcard || wide[i].Template.Segments.Count > depth)
            {
                pairs.AddRange(groups.Values.SelectMany(g => g).Select(r => Ordered(wide[i], r)));
            }
        }

        foreach (var group in groups.Values)
        {
            Collect(group, depth + 1, pairs);
        }
    }

    private static (ConfiguredRoute, ConfiguredRoute) Ordered(ConfiguredRoute a, ConfiguredRoute b) => a.Index < b.Index ? (a, b) : (b, a);
}
