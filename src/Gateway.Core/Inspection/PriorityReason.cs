namespace FunctionGateway.Inspection;

/// <summary>The rule of the matcher's order (see <see cref="Routing.RouteTable{TRoute}"/>) that makes one route beat another.</summary>
public enum PriorityReason
{
    /// <summary>A route without a wildcard beats any wildcard route.</summary>
    NoWildcard,

    /// <summary>At the first segment where the templates differ, the winner has a literal and the loser a parameter.</summary>
    LiteralBeforeParameter,

    /// <summary>Of two wildcard templates, the one that extends the other wins.</summary>
    LongerWildcard,

    /// <summary>For the same template an exact method beats ANY.</summary>
    ExactMethod,

    /// <summary>None of the rules above: the winner is simply earlier in the matcher's order.</summary>
    Order,
}
