using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionGateway.Configuration;

/// <summary>Parses config text into a JSON tree, reporting malformed JSON with its line and column.</summary>
internal static class ConfigParser
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        // A key given twice is a mistake whichever value a parser would keep.
        AllowDuplicateProperties = false,
    };

    public static JsonObject? Parse(string text, List<ConfigIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Editors on Windows often save UTF-8 with a byte order mark, which is not JSON.
        text = text.StartsWith('\uFEFF') ? text[1..] : text;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: Options);
        }
        catch (JsonException ex)
        {
            issues.Add(JsonSyntaxDiagnosis.Diagnose(text, ex));
            return null;
        }

        if (root is JsonObject obj)
        {
            return obj;
        }

        issues.Add(new ConfigIssue("(root)", $"the config must be a JSON object, not {ConfigNodeReader.Describe(root)}"));
        return null;
    }
}
