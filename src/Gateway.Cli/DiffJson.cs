using System.Text.Json;
using FunctionGateway.Tooling.Inspection;

namespace FunctionGateway.Cli;

/// <summary>
/// A <see cref="ConfigDiff"/> as JSON, the same content as <see cref="DiffText"/>: alarms first, then each part of the
/// config. Members are only ever added, never renamed or removed.
/// </summary>
internal static class DiffJson
{
    public static void Write(Utf8JsonWriter json, string name, ConfigDiff diff)
    {
        json.WriteStartObject(name);
        json.WriteStartArray("alarms");
        foreach (var route in diff.Routes)
        {
            foreach (var alarm in route.Alarms)
            {
                json.WriteStartObject();
                json.WriteString("label", alarm.Label);
                json.WriteString("route", route.Route);
                json.WriteString("location", route.Location);
                json.WriteString("reason", alarm.Reason);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("routes");
        foreach (var route in diff.Routes.Where(r => r.Kind != RouteChangeKind.Changed || r.Details.Count > 0))
        {
            json.WriteStartObject();
            json.WriteString("change", route.Kind switch
            {
                RouteChangeKind.Added => "added",
                RouteChangeKind.Removed => "removed",
                _ => "changed",
            });
            json.WriteString("route", route.Route);
            json.WriteString("location", route.Location);
            json.WriteStrings("details", route.Details);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStrings("servers", diff.Servers);
        json.WriteStrings("cors", diff.Cors);
        json.WriteStrings("authorizers", diff.Authorizers);
        json.WriteStrings("variables", diff.Variables);
        json.WriteEndObject();
    }
}
