using FunctionGateway.Configuration;

namespace FunctionGateway.Tooling.Inspection;

/// <summary>
/// What a config change does: routes added, removed or changed (a route is identified by its method and its
/// template up to parameter names), and changes of servers, CORS, authorizers and global variables. Titles,
/// descriptions and <c>$schema</c> are not compared.
/// </summary>
public sealed class ConfigDiff
{
    private ConfigDiff(IReadOnlyList<RouteChange> routes, IReadOnlyList<string> servers, IReadOnlyList<string> cors,
        IReadOnlyList<string> authorizers, IReadOnlyList<string> variables)
    {
        Routes = routes;
        Servers = servers;
        Cors = cors;
        Authorizers = authorizers;
        Variables = variables;
    }

    /// <summary>Route changes, those with alarms first, then in the new config's order (removed routes last).</summary>
    public IReadOnlyList<RouteChange> Routes { get; }

    public IReadOnlyList<string> Servers { get; }

    public IReadOnlyList<string> Cors { get; }

    public IReadOnlyList<string> Authorizers { get; }

    public IReadOnlyList<string> Variables { get; }

    public bool IsEmpty => Routes.Count == 0 && Servers.Count == 0 && Cors.Count == 0 && Authorizers.Count == 0 && Variables.Count == 0;

    public static ConfigDiff Compare(GatewayConfig before, GatewayConfig after)
    {
        var routes = RouteDiff.Compare(before, after)
            .OrderBy(c => c.Alarms.Count == 0)
            .ThenBy(c => c.Kind == RouteChangeKind.Removed)
            .ToList();
        return new ConfigDiff(routes, SettingsDiff.Servers(before, after), SettingsDiff.Cors(before.Cors, after.Cors),
            AuthorizerDiff.Compare(before, after), SettingsDiff.Map(before.Variables, after.Variables));
    }
}
