using FunctionGateway.Configuration;
using FunctionGateway.Routing;

namespace FunctionGateway.Inspection;

/// <summary>
/// Finds the requests to a protected route's path that the gateway hands to an unprotected route proxying to the
/// same server: another method (<c>POST</c> where only <c>GET</c> is protected) or a trailing slash, which a
/// template without a wildcard does not match but a wider wildcard does. Each request is matched against the
/// config's real route table, so only requests that would actually bypass the token are reported.
/// </summary>
public static class ExposureFinder
{
    // OPTIONS is left out: browsers send preflights without credentials, so they are unauthenticated by design.
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

    public static IReadOnlyList<Exposure> Find(GatewayConfig config)
    {
        var priority = RoutePriority.Of(config);
        var urls = config.Servers.GroupBy(s => s.Alias, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Url, StringComparer.Ordinal);
        var exposures = new List<Exposure>();
        var open = priority.Routes.Where(r => !r.Config.Auth && r.IsProxy).ToList();
        foreach (var guarded in priority.Routes.Where(r => r.Config.Auth && r.IsProxy))
        {
            foreach (var candidate in open.Where(o => SameServer(o, guarded, urls) && TemplateOverlap.Covers(o.Template, guarded.Template)))
            {
                // Routes of one path (GET and DELETE /orders/{id}) share their bypassing requests: report them once.
                var same = exposures.FindIndex(e => ReferenceEquals(e.Open, candidate) && e.Protected.Template.Shape == guarded.Template.Shape);
                var shown = same >= 0 ? exposures[same].Protected : guarded;
                var requests = Requests(guarded, shown.SamplePath)
                    .Where(r => ReferenceEquals(priority.Table.Match(r.Method, r.Path)?.Route, candidate))
                    .Select(r => $"{r.Method} {r.Path}")
                    .ToList();
                if (same >= 0)
                {
                    exposures[same] = exposures[same] with { Requests = [.. exposures[same].Requests.Union(requests)] };
                }
                else if (requests.Count > 0)
                {
                    exposures.Add(new Exposure(guarded, candidate, requests));
                }
            }
        }

        return exposures;
    }

    private static IEnumerable<(string Method, string Path)> Requests(ConfiguredRoute guarded, string path)
    {
        foreach (var method in Methods)
        {
            yield return (method, path);
        }

        if (!guarded.Template.HasWildcard)
        {
            yield return (guarded.SampleMethod, path + "/");
        }
    }

    private static bool SameServer(ConfiguredRoute a, ConfiguredRoute b, Dictionary<string, string> urls)
    {
        var aliasA = a.Config.Integration!.Server!;
        var aliasB = b.Config.Integration!.Server!;
        return aliasA == aliasB
            || (urls.TryGetValue(aliasA, out var urlA) && urls.TryGetValue(aliasB, out var urlB) && string.Equals(urlA.TrimEnd('/'), urlB.TrimEnd('/'), StringComparison.Ordinal));
    }
}
