using FunctionGateway.Model;
using FunctionGateway.Routing;

using FunctionGateway.Inspection;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>Puts in words which of the matcher's priority rules (see <see cref="RouteTable{TRoute}"/>) made one route beat another.</summary>
internal static class RoutePriority
{
    public static string Why(GatewayRoute winner, GatewayRoute loser)
    {
        var (w, l) = (winner.Template, loser.Template);
        if (!w.HasWildcard && l.HasWildcard)
        {
            return "a route without a wildcard beats any wildcard route";
        }

        // The first segment where one template has a literal and the other a parameter decides, whatever follows:
        // /a/b/{.+} beats /a/{x}/c/{.+} although the second has more fixed segments.
        var at = TemplateOverlap.FirstLiteralAgainstParameter(w, l);
        if (at >= 0 && !w.Segments[at].IsParameter)
        {
            return $"at segment {at + 1}, the first where the templates differ, the literal '{w.Segments[at].Value}' beats the parameter '{{{l.Segments[at].Value}}}'";
        }

        if (w.HasWildcard && l.HasWildcard && w.Segments.Count > l.Segments.Count)
        {
            return $"{winner.Config.Path} extends {loser.Config.Path}, and of two wildcard templates the one that extends the other wins";
        }

        return winner.Method != RouteMethod.Any && loser.Method == RouteMethod.Any
            ? "for the same template an exact method beats ANY"
            : "it comes first in the matcher's order";
    }
}
