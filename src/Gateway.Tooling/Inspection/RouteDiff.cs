using FunctionGateway.Configuration;

using FunctionGateway.Inspection;

namespace FunctionGateway.Tooling.Inspection;

/// <summary>Compares the routes of two configs, matched by method and template shape (<c>/users/{id}</c> is <c>/users/{userId}</c>).</summary>
internal static class RouteDiff
{
    public static List<RouteChange> Compare(GatewayConfig before, GatewayConfig after)
    {
        var oldPriority = RoutePriority.Of(before);
        var newPriority = RoutePriority.Of(after);
        var oldRoutes = oldPriority.Routes.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var oldExposures = ExposureFinder.Find(before).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var newExposures = ExposureFinder.Find(after).Where(e => !oldExposures.Contains(e.Key))
            .ToLookup(e => Key(e.Protected));

        var changes = new List<RouteChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in newPriority.Routes)
        {
            var key = Key(route);
            if (!seen.Add(key))
            {
                continue;
            }

            var exposed = newExposures[key].Select(e => new RouteAlarm("REACHABLE WITHOUT A TOKEN",
                $"{e.Open.Described} has no auth and takes {string.Join(", ", e.Requests)}"));
            if (!oldRoutes.TryGetValue(key, out var old))
            {
                changes.Add(new RouteChange(route.ToString(), route.Location, RouteChangeKind.Added,
                    [$"auth {RouteDescription.Auth(route.Config)}, target {RouteDescription.Target(route.Config, after)}"],
                    [.. TakenFromProtected(route, oldPriority), .. exposed]));
                continue;
            }

            var details = new List<string>();
            var alarms = new List<RouteAlarm>();
            CompareRoute(old, route, before, after, details, alarms);
            alarms.AddRange(exposed);
            if (details.Count > 0 || alarms.Count > 0)
            {
                changes.Add(new RouteChange(route.ToString(), route.Location, RouteChangeKind.Changed, details, alarms));
            }
        }

        foreach (var (key, old) in oldRoutes.Where(o => !seen.Contains(o.Key)))
        {
            changes.Add(new RouteChange(old.ToString(), old.Location, RouteChangeKind.Removed, [], Removed(old, newPriority)));
        }

        return changes;
    }

    private static string Key(ConfiguredRoute route) => $"{route.Config.Method} {route.Template.Shape}";

    private static void CompareRoute(ConfiguredRoute old, ConfiguredRoute route, GatewayConfig before, GatewayConfig after,
        List<string> details, List<RouteAlarm> alarms)
    {
        if (old.Config.Path != route.Config.Path)
        {
            details.Add($"path: {old.Config.Path} -> {route.Config.Path}");
        }

        var (oldAuth, newAuth) = (RouteDescription.Auth(old.Config), RouteDescription.Auth(route.Config));
        if (old.Config.Auth && !route.Config.Auth)
        {
            alarms.Add(new RouteAlarm("LOSES AUTH", $"was protected by {oldAuth}, now anyone can call it"));
        }
        else if (old.Config.Auth && route.Config.Auth && Names(route.Config).Except(Names(old.Config)).ToList() is { Count: > 0 } added)
        {
            alarms.Add(new RouteAlarm("MORE AUTHORIZERS", $"auth {oldAuth} -> {newAuth}: also accepts tokens of {string.Join(", ", added)}"));
        }
        else if (oldAuth != newAuth)
        {
            details.Add($"auth: {oldAuth} -> {newAuth}");
        }

        if (old.Config.Auth && route.Config.Auth && ClaimRulesComparison.Weakenings(old.Config.Authorization, route.Config.Authorization) is { Count: > 0 } weaker)
        {
            alarms.Add(new RouteAlarm("CLAIM RULES WEAKENED", string.Join("; ", weaker)));
        }
        else if (route.Config.Auth && !ClaimRulesComparison.Same(old.Config.Authorization, route.Config.Authorization))
        {
            details.Add($"claim rules: {ClaimRulesComparison.Text(old.Config.Authorization)} -> {ClaimRulesComparison.Text(route.Config.Authorization)}");
        }

        details.AddRange(TargetDiff.Compare(old.Config, route.Config, before, after));

        // A header the gateway no longer sets is no longer stripped from the client's request either: the upstream
        // may trust it (x-user-id) and now gets whatever the client sends.
        var oldHeaders = old.Config.Integration is { IsHttpProxy: true } ? old.Config.Mapping?.Headers ?? Empty : Empty;
        var newHeaders = route.Config.Integration is { IsHttpProxy: true } ? route.Config.Mapping?.Headers ?? Empty : Empty;
        foreach (var name in oldHeaders.Keys.Where(n => !newHeaders.Keys.Contains(n, StringComparer.OrdinalIgnoreCase)))
        {
            alarms.Add(new RouteAlarm("MAPPING REMOVED", $"header '{name}' is no longer set by the gateway, so a client's own '{name}' now reaches the upstream"));
        }

        details.AddRange(SettingsDiff.Map(old.Config.Mapping?.Headers ?? Empty, route.Config.Mapping?.Headers ?? Empty)
            .Where(c => !c.StartsWith("- ", StringComparison.Ordinal) || !oldHeaders.ContainsKey(c[2..]))
            .Select(c => $"mapping header {c}"));
        details.AddRange(SettingsDiff.Map(old.Config.Mapping?.Query ?? Empty, route.Config.Mapping?.Query ?? Empty).Select(c => $"mapping query {c}"));
        details.AddRange(SettingsDiff.Map(old.Config.Variables, route.Config.Variables).Select(c => $"variable {c}"));
    }

    private static readonly Dictionary<string, string> Empty = [];

    private static IEnumerable<string> Names(PathConfig path) => path.AuthorizerNames.Count == 0 ? ["default"] : path.AuthorizerNames;

    // A new public route inside a protected one (GET /orders/{id}/status under ANY /orders/{.+} with auth) takes
    // requests that needed a token.
    private static List<RouteAlarm> TakenFromProtected(ConfiguredRoute added, RoutePriority before)
    {
        var (method, path) = (added.SampleMethod, added.SamplePath);
        if (added.Config.Auth || before.Table.Match(method, path)?.Route is not { } was || !was.Config.Auth)
        {
            return [];
        }

        return [new RouteAlarm("REACHABLE WITHOUT A TOKEN",
            $"{method} {path} was served by {was} with a token ({RouteDescription.Auth(was.Config)}); this new route has no auth")];
    }

    // A protected route that goes away leaves its requests to whatever matches them now: say so when that needs no token.
    private static List<RouteAlarm> Removed(ConfiguredRoute old, RoutePriority now)
    {
        var (method, path) = (old.SampleMethod, old.SamplePath);
        if (!old.Config.Auth || now.Table.Match(method, path)?.Route is not { } taker || taker.Config.Auth)
        {
            return [];
        }

        return [new RouteAlarm("REACHABLE WITHOUT A TOKEN", $"was protected; {method} {path} now goes to {taker.Described}, which has no auth")];
    }
}
