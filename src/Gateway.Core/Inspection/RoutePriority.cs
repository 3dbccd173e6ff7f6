using System.Runtime.CompilerServices;
using FunctionGateway.Configuration;
using FunctionGateway.Routing;

namespace FunctionGateway.Inspection;

/// <summary>
/// The config's routes compiled into the gateway's own <see cref="RouteTable{TRoute}"/>, with each route's rank
/// in the match order: of two routes that both match a request, the one with the lower rank serves it. The
/// validator's route rules, <c>gateway explain</c>, <c>diff</c> and <c>routes</c> all read this one model.
/// </summary>
/// <remarks>
/// A config is immutable once read, so its model is built at most once (<see cref="Of"/>), by whichever reader
/// asks first: a load by a host asks only off the start-up path, when its warnings are computed.
/// </remarks>
public sealed class RoutePriority
{
    private static readonly ConditionalWeakTable<GatewayConfig, RoutePriority> Built = [];

    private readonly Dictionary<ConfiguredRoute, int> _ranks;

    private RoutePriority(GatewayConfig config)
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

    /// <summary>The model of <paramref name="config"/>, built on the first call for that config and shared by every later one.</summary>
    public static RoutePriority Of(GatewayConfig config) => Built.GetValue(config, static c => new RoutePriority(c));

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

    /// <summary>
    /// Which rule of the matcher's order makes <paramref name="winner"/> beat <paramref name="loser"/>, two routes
    /// that match the same request, the winner first in <see cref="Order"/>.
    /// </summary>
    public static PriorityDecision Decide(IRoutable winner, IRoutable loser)
    {
        var (w, l) = (winner.Template, loser.Template);
        if (!w.HasWildcard && l.HasWildcard)
        {
            return new PriorityDecision(PriorityReason.NoWildcard, -1);
        }

        // The first segment where one template has a literal and the other a parameter decides, whatever follows:
        // /a/b/{.+} beats /a/{x}/c/{.+} although the second has more fixed segments.
        var at = TemplateOverlap.FirstLiteralAgainstParameter(w, l);
        if (at >= 0 && !w.Segments[at].IsParameter)
        {
            return new PriorityDecision(PriorityReason.LiteralBeforeParameter, at);
        }

        if (w.HasWildcard && l.HasWildcard && w.Segments.Count > l.Segments.Count)
        {
            return new PriorityDecision(PriorityReason.LongerWildcard, -1);
        }

        return new PriorityDecision(winner.Method != RouteMethod.Any && loser.Method == RouteMethod.Any
            ? PriorityReason.ExactMethod
            : PriorityReason.Order, -1);
    }
}
