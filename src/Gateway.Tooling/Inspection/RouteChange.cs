namespace FunctionGateway.Tooling.Inspection;

public enum RouteChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// What changed for one route between two versions of a config. <paramref name="Alarms"/> are changes that let
/// requests through with less than before (a lost token check, weaker claim rules, a new way around the token);
/// <paramref name="Details"/> are the other changes.
/// </summary>
/// <param name="Route">The route as <c>METHOD /path</c>, in the new config's spelling when it is in both.</param>
/// <param name="Location">Where the route is: in the new config, or in the old one for a removed route.</param>
public sealed record RouteChange(string Route, string Location, RouteChangeKind Kind, IReadOnlyList<string> Details, IReadOnlyList<RouteAlarm> Alarms);

/// <summary>A change that weakens a route's protection: a short label (<c>LOSES AUTH</c>) and what it means.</summary>
public sealed record RouteAlarm(string Label, string Reason);
