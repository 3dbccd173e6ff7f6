using System.Text.Encodings.Web;
using System.Text.Json;
using FunctionGateway.Configuration;

namespace FunctionGateway.Cli;

/// <summary>
/// The JSON report of <c>gateway validate --format json</c>, a stable document for CI (docs/cli.md): members are
/// only ever added, never renamed or removed.
/// </summary>
internal static class ValidationJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(TextWriter output, string path, ConfigCheck check) =>
        await WriteDocumentAsync(output, json => WriteMembers(json, path, check));

    /// <summary>One indented JSON object, written by <paramref name="members"/>, as one block of output.</summary>
    public static async Task WriteDocumentAsync(TextWriter output, Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            members(json);
            json.WriteEndObject();
        }

        await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>The members every report on a checked config starts with: file, valid, resolved, errors, warnings, references.</summary>
    public static void WriteMembers(Utf8JsonWriter json, string path, ConfigCheck check)
    {
        json.WriteString("file", path);
        json.WriteBoolean("valid", check.IsValid);
        json.WriteBoolean("resolved", check.ReferencesResolved);
        Issues(json, "errors", check.Errors);
        Issues(json, "warnings", check.Warnings);
        json.WriteStartArray("references");
        foreach (var reference in check.References)
        {
            json.WriteStartObject();
            json.WriteString("reference", reference.Text);
            json.WriteString("kind", reference.Kind == ConfigReferenceKind.Environment ? "env" : "secret");
            json.WriteString("location", reference.Location);
            if (check.ReferencesResolved)
            {
                json.WriteBoolean("resolved", reference.Resolved);
            }
            else
            {
                json.WriteNull("resolved");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Issues(Utf8JsonWriter json, string name, IEnumerable<ConfigIssue> issues)
    {
        json.WriteStartArray(name);
        foreach (var issue in issues)
        {
            json.WriteStartObject();
            json.WriteString("location", issue.Location);
            json.WriteString("message", issue.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
