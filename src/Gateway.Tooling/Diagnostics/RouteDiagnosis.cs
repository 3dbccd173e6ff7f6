using FunctionGateway.Model;
using FunctionGateway.Routing;

using FunctionGateway.Inspection;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>
/// Why the routes nearest to a request did not match it. Whether a route matches is always asked of the engine's
/// own <see cref="RouteTable{TRoute}"/> (a table of that one route); only the wording of the reason is made here.
/// </summary>
internal static class RouteDiagnosis
{
    private const int MaxCandidates = 6;

    /// <summary>
    /// Every other route that matches the path, by the request's method or its own, in the matcher's order; then
    /// the routes sharing the most leading literal segments with the path, up to a handful in all.
    /// </summary>
    public static IReadOnlyList<RouteCandidate> NearMisses(GatewayRuntime runtime, string method, string path, GatewayRoute? matched)
    {
        var segments = path.Length > 1 ? path[1..].Split('/') : [""];
        var matching = new List<RouteCandidate>();
        var near = new List<(int Shared, int Order, RouteCandidate Candidate)>();
        var order = 0;
        foreach (var route in runtime.Routes.InPriorityOrder())
        {
            order++;
            if (ReferenceEquals(route, matched))
            {
                continue;
            }

            // A route that matches competes with the winner whatever its first segment, so it is always listed.
            var alone = new RouteTable<GatewayRoute>([route]);
            var candidate = new RouteCandidate(route.ToString(), route.Index, Reason(route, alone, method, path, segments, matched));
            if (alone.Match(method, path) is not null || alone.Match(route.Config.Method, path) is not null)
            {
                matching.Add(candidate);
                continue;
            }

            var shared = Math.Max(SharedSegments(route.Template, segments, StringComparison.Ordinal),
                SharedSegments(route.Template, segments, StringComparison.OrdinalIgnoreCase));
            if (shared > 0)
            {
                near.Add((shared, order, candidate));
            }
        }

        return [.. matching, .. near.OrderByDescending(c => c.Shared).ThenBy(c => c.Order)
            .Take(Math.Max(0, MaxCandidates - matching.Count)).Select(c => c.Candidate)];
    }

    private static string Reason(GatewayRoute route, RouteTable<GatewayRoute> alone, string method, string path, string[] segments, GatewayRoute? matched)
    {
        if (alone.Match(method, path) is not null)
        {
            return matched is null
                ? "matches on its own, yet the full table matched nothing"
                : $"matches too, but {matched} (paths[{matched.Index}]) wins: {PriorityWording.Why(matched, route)}";
        }

        if (route.Method != RouteMethod.Any && alone.Match(route.Config.Method, path) is not null)
        {
            return $"the path matches, but the route's method is {route.Config.Method}, not {method}";
        }

        if (path.Length > 1 && path.EndsWith('/') && alone.Match(method, path.TrimEnd('/')) is { } withoutSlash)
        {
            return $"the path ends with '/', which makes an empty last segment; {withoutSlash.Path} would match";
        }

        var template = route.Template.Segments;
        for (var i = 0; i < Math.Min(template.Count, segments.Length); i++)
        {
            if (!template[i].IsParameter && !string.Equals(template[i].Value, segments[i], StringComparison.Ordinal))
            {
                return string.Equals(template[i].Value, segments[i], StringComparison.OrdinalIgnoreCase)
                    ? $"segment {i + 1} is '{segments[i]}' but the route has '{template[i].Value}': paths are case-sensitive"
                    : $"segment {i + 1} is '{segments[i]}', not '{template[i].Value}'";
            }
        }

        return route.Template.HasWildcard
            ? $"the route needs at least {template.Count} segment(s) before '{RouteTemplate.WildcardSegment}'; the path has {segments.Length}"
            : $"the path has {segments.Length} segment(s), the route {template.Count}";
    }

    private static int SharedSegments(RouteTemplate template, string[] segments, StringComparison comparison)
    {
        var shared = 0;
        for (var i = 0; i < Math.Min(template.Segments.Count, segments.Length); i++)
        {
            var segment = template.Segments[i];
            if (segment.IsParameter || !string.Equals(segment.Value, segments[i], comparison))
            {
                break;
            }

            shared++;
        }

        return shared;
    }
}
