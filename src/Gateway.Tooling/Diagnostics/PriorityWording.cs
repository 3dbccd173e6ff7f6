using FunctionGateway.Inspection;
using FunctionGateway.Model;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>Puts in words the rule of the matcher's order (<see cref="RoutePriority.Decide"/>) that made one route beat another.</summary>
internal static class PriorityWording
{
    public static string Why(GatewayRoute winner, GatewayRoute loser)
    {
        var decision = RoutePriority.Decide(winner, loser);
        return decision.Reason switch
        {
            PriorityReason.NoWildcard => "a route without a wildcard beats any wildcard route",
            PriorityReason.LiteralBeforeParameter =>
                $"at segment {decision.Segment + 1}, the first where the templates differ, the literal '{winner.Template.Segments[decision.Segment].Value}' " +
                $"beats the parameter '{{{loser.Template.Segments[decision.Segment].Value}}}'",
            PriorityReason.LongerWildcard => $"{winner.Config.Path} extends {loser.Config.Path}, and of two wildcard templates the one that extends the other wins",
            PriorityReason.ExactMethod => "for the same template an exact method beats ANY",
            _ => "it comes first in the matcher's order",
        };
    }
}
