using System.Globalization;
using System.Text.Json.Nodes;
using FunctionGateway.Configuration;

namespace FunctionGateway.Tooling.Inspection;

/// <summary>What changed in what a route does with a request: its target, backend path and method, or its fixed response.</summary>
internal static class TargetDiff
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    public static List<string> Compare(PathConfig old, PathConfig now, GatewayConfig before, GatewayConfig after)
    {
        // A server whose URL changed is shown once, under servers; here only a route that moves to another server or kind.
        if (Kind(old) != Kind(now) || (Kind(now) == TargetKind.Proxy && old.Integration!.Server != now.Integration!.Server))
        {
            return [$"target: {RouteDescription.Target(old, before)} => {RouteDescription.Target(now, after)}"];
        }

        var changes = new List<string>();
        switch (Kind(now))
        {
            case TargetKind.Response when !JsonNode.DeepEquals(old.Response, now.Response):
                changes.Add("static response changed");
                break;
            case TargetKind.Proxy:
                Proxy(old.Integration!, now.Integration!, changes);
                break;
            case TargetKind.Static:
                Static(old.Integration!, now.Integration!, changes);
                break;
        }

        return changes;
    }

    private static void Proxy(IntegrationConfig old, IntegrationConfig now, List<string> changes)
    {
        if (old.Path != now.Path)
        {
            changes.Add($"backend path: {old.Path ?? "(none: the default target rule)"} -> {now.Path ?? "(none: the default target rule)"}");
        }

        if (old.Method != now.Method)
        {
            changes.Add($"backend method: {old.Method ?? "(the client's)"} -> {now.Method ?? "(the client's)"}");
        }
    }

    private static void Static(IntegrationConfig old, IntegrationConfig now, List<string> changes)
    {
        if (Status(old) != Status(now))
        {
            changes.Add($"static status: {Status(old)} -> {Status(now)}");
        }

        changes.AddRange(SettingsDiff.Map(old.Headers ?? NoHeaders, now.Headers ?? NoHeaders).Select(c => $"static header {c}"));
        if (old.HasBody != now.HasBody)
        {
            changes.Add(now.HasBody ? "static body added" : "static body removed");
        }
        else if (!JsonNode.DeepEquals(old.Body, now.Body))
        {
            changes.Add("static body changed");
        }

        if ((old.BodyText is null) != (now.BodyText is null))
        {
            changes.Add(now.BodyText is null ? "static body_text removed" : "static body_text added");
        }
        else if (old.BodyText != now.BodyText)
        {
            changes.Add("static body_text changed");
        }
    }

    private static string Status(IntegrationConfig integration) =>
        (integration.Status ?? 200).ToString(CultureInfo.InvariantCulture);

    private static TargetKind Kind(PathConfig path) => path.Integration switch
    {
        null => TargetKind.Response,
        { IsStatic: true } => TargetKind.Static,
        _ => TargetKind.Proxy,
    };

    private enum TargetKind
    {
        Response,
        Static,
        Proxy,
    }
}
