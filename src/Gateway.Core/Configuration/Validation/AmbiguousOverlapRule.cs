using System.Globalization;
using FunctionGateway.Inspection;
using FunctionGateway.Routing;

namespace FunctionGateway.Configuration.Validation;

/// <summary>
/// Warns about two routes that share some requests while neither is simply narrower than the other, such as
/// <c>/a/{x}</c> and <c>/{y}/b</c> (both match <c>/a/b</c>), or <c>/{x}/b</c> and <c>/a/{.+}</c>. The winner
/// is then decided by a tie-break rule, not by which route is more specific, and a reader may well expect the
/// other one. A route that is narrower than another (<c>/users/me</c> and <c>/users/{id}</c>) is ordinary
/// specificity and is not reported.
/// </summary>
internal sealed class AmbiguousOverlapRule(int maxPairs = AmbiguousOverlapRule.MaxPairs) : ILintRule
{
    /// <summary>Warnings this rule writes at most; past them, one more says how to see the rest.</summary>
    public const int MaxWarnings = 50;

    /// <summary>Overlapping pairs it examines at most by default, so that a config load stays bounded in time and memory.</summary>
    public const int MaxPairs = 100_000;

    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        var priority = RoutePriority.Of(config);
        var reported = 0;
        var pairs = priority.OverlappingPairs(maxPairs, out var searchedAll);
        foreach (var (first, second) in pairs)
        {
            if (TemplateOverlap.Covers(first.Template, second.Template) || TemplateOverlap.Covers(second.Template, first.Template)
                || priority.RankOf(first) is not { } firstRank || priority.RankOf(second) is not { } secondRank)
            {
                continue;
            }

            var (winner, loser) = firstRank < secondRank ? (first, second) : (second, first);
            var method = first.Method == RouteMethod.Any ? second.Method : first.Method;
            var methodText = method == RouteMethod.Any ? "GET" : RouteMethods.ToConfigText(method);
            var path = TemplateOverlap.ExamplePath(first.Template, second.Template);

            // The table decides: when a third route takes the example request, this pair's tie-break is moot there.
            if (!ReferenceEquals(priority.Table.Match(methodText, path)?.Route, winner))
            {
                continue;
            }

            if (++reported > MaxWarnings)
            {
                issues.Add(new ConfigIssue("paths",
                    $"more routes overlap with a tie-break winner than the {MaxWarnings} reported above; " +
                    "'gateway routes' lists every route in match order",
                    ConfigSeverity.Warning));
                return;
            }

            issues.Add(new ConfigIssue(second.Location,
                $"{second} overlaps {first.Described}: a request such as {methodText} {path} matches both, " +
                $"and {winner.Location} wins because {Reason(winner, loser)}; " +
                $"if {loser.Location} should take such requests, add a route for them or make the templates disjoint",
                ConfigSeverity.Warning));
        }

        if (!searchedAll)
        {
            issues.Add(new ConfigIssue("paths",
                $"more than {maxPairs.ToString("N0", CultureInfo.InvariantCulture)} pairs of routes can match the same request: " +
                "only those were checked for a tie-break winner; 'gateway routes' lists every route in match order",
                ConfigSeverity.Warning));
        }
    }

    private static string Reason(ConfiguredRoute winner, ConfiguredRoute loser)
    {
        // Of two routes where neither covers the other, only these two rules can decide; anything else is the order.
        var decision = RoutePriority.Decide(winner, loser);
        if (decision.Reason == PriorityReason.NoWildcard)
        {
            return "a route without a wildcard is tried before any wildcard route";
        }

        if (decision.Reason != PriorityReason.LiteralBeforeParameter)
        {
            return "it comes first in the match order (see 'gateway routes')";
        }

        var at = decision.Segment;
        var literal = winner.Template.Segments[at];
        var parameter = loser.Template.Segments[at];
        var more = loser.Template.Segments.Count > winner.Template.Segments.Count ? $", although {loser.Location} has more segments" : "";
        return $"at segment {at + 1} the literal '{literal.Value}' is tried before the parameter '{{{parameter.Value}}}'{more}";
    }
}
