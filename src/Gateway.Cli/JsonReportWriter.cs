using System.Text.Json;

namespace FunctionGateway.Cli;

/// <summary>The members the JSON reports write the same way: arrays of strings, and strings and objects that may be null (written as null, never left out).</summary>
internal static class JsonReportWriter
{
    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    public static void WriteStringOrNull(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    public static void WriteObjectOrNull<T>(this Utf8JsonWriter json, string name, T? value, Action<Utf8JsonWriter, T> writeMembers)
        where T : class
    {
        if (value is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        writeMembers(json, value);
        json.WriteEndObject();
    }
}
