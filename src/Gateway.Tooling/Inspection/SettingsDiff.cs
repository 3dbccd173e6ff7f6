using FunctionGateway.Configuration;

namespace FunctionGateway.Tooling.Inspection;

/// <summary>Line-by-line differences of servers, CORS and name-value maps, as the diff prints them.</summary>
internal static class SettingsDiff
{
    public static List<string> Servers(GatewayConfig before, GatewayConfig after)
    {
        var changes = new List<string>();
        var old = before.Servers.GroupBy(s => s.Alias, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.Servers.GroupBy(s => s.Alias, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var server in now.Values)
        {
            if (!old.TryGetValue(server.Alias, out var was))
            {
                changes.Add($"+ {server.Alias}: {server.Url}");
                continue;
            }

            if (was.Url != server.Url)
            {
                changes.Add($"~ {server.Alias}: url {was.Url} -> {server.Url}");
            }

            if (was.TimeoutSeconds != server.TimeoutSeconds)
            {
                changes.Add($"~ {server.Alias}: timeout_seconds {Timeout(was)} -> {Timeout(server)}");
            }
        }

        changes.AddRange(old.Values.Where(s => !now.ContainsKey(s.Alias)).Select(s => $"- {s.Alias}: {s.Url}"));
        return changes;
    }

    public static List<string> Cors(CorsConfig? before, CorsConfig? after)
    {
        if (before is null && after is null)
        {
            return [];
        }

        var changes = new List<string>();
        if (before is null || after is null)
        {
            changes.Add(before is null ? "+ cors added" : "- cors removed: no CORS headers are sent and preflights are not answered");
        }

        var (a, b) = (before ?? new CorsConfig(), after ?? new CorsConfig());
        List(changes, "allow_origins", a.AllowOrigins, b.AllowOrigins);
        List(changes, "allow_methods", a.AllowMethods, b.AllowMethods);
        List(changes, "allow_headers", a.AllowHeaders, b.AllowHeaders);
        List(changes, "expose_headers", a.ExposeHeaders, b.ExposeHeaders);
        if (a.AllowCredentials != b.AllowCredentials)
        {
            changes.Add($"~ allow_credentials: {Lower(a.AllowCredentials)} -> {Lower(b.AllowCredentials)}");
        }

        if (a.MaxAge != b.MaxAge)
        {
            changes.Add($"~ max_age: {a.MaxAge} -> {b.MaxAge}");
        }

        return changes;
    }

    /// <summary>Entries added (<c>+ name: value</c>), changed and removed.</summary>
    public static List<string> Map(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changes = new List<string>();
        foreach (var (name, value) in after)
        {
            if (!before.TryGetValue(name, out var was))
            {
                changes.Add($"+ {name}: {value}");
            }
            else if (was != value)
            {
                changes.Add($"~ {name}: {was} -> {value}");
            }
        }

        changes.AddRange(before.Where(e => !after.ContainsKey(e.Key)).Select(e => $"- {e.Key}"));
        return changes;
    }

    private static void List(List<string> changes, string key, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        changes.AddRange(after.Except(before, StringComparer.Ordinal).Select(v => $"+ {key}: {v}"));
        changes.AddRange(before.Except(after, StringComparer.Ordinal).Select(v => $"- {key}: {v}"));
    }

    private static string Timeout(ServerConfig server) =>
        server.TimeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"default ({ServerConfig.DefaultTimeoutSeconds})";

    private static string Lower(bool value) => value ? "true" : "false";
}
