using FunctionGateway.Tooling.Inspection;

namespace FunctionGateway.Cli;

/// <summary>The text of <c>gateway diff</c>: alarm lines first (<c>!! LOSES AUTH ...</c>), then one section per part of the config.</summary>
internal static class DiffText
{
    public static async Task WriteAsync(TextWriter output, ConfigDiff diff)
    {
        var alarms = diff.Routes.SelectMany(r => r.Alarms.Select(a => (Route: r, Alarm: a))).ToList();
        if (alarms.Count > 0)
        {
            var width = alarms.Max(a => a.Alarm.Label.Length);
            foreach (var (route, alarm) in alarms)
            {
                await output.WriteLineAsync($"!! {alarm.Label.PadRight(width)}  {route.Route} ({Where(route)}): {alarm.Reason}");
            }

            await output.WriteLineAsync();
        }

        var routes = diff.Routes.Where(r => r.Kind != RouteChangeKind.Changed || r.Details.Count > 0).ToList();
        await SectionAsync(output, "routes", routes.Select(Line));
        await SectionAsync(output, "servers", diff.Servers);
        await SectionAsync(output, "cors", diff.Cors);
        await SectionAsync(output, "authorizers", diff.Authorizers);
        await SectionAsync(output, "variables", diff.Variables);
    }

    private static string Line(RouteChange change) => change.Kind switch
    {
        RouteChangeKind.Added => $"+ {change.Route} ({change.Location}): {string.Join("; ", change.Details)}",
        RouteChangeKind.Removed => $"- {change.Route} ({Where(change)})",
        _ => $"~ {change.Route} ({change.Location}): {string.Join("; ", change.Details)}",
    };

    private static string Where(RouteChange change) =>
        change.Kind == RouteChangeKind.Removed ? $"was {change.Location}" : change.Location;

    private static async Task SectionAsync(TextWriter output, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        await output.WriteLineAsync(title);
        foreach (var line in list)
        {
            await output.WriteLineAsync("  " + line);
        }
    }
}
