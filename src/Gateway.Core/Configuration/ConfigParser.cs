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
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: Options);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            issues.Add(new ConfigIssue($"line {line}, column {column}", $"malformed JSON: {FirstSentence(ex.Message)}"));
            return null;
        }

        if (root is JsonObject obj)
        {
            return obj;
        }

        issues.Add(new ConfigIssue("(root)", $"the config must be a JSON object, not {ConfigNodeReader.Describe(root)}"));
        return null;
    }

    // System.Text.Json appends its own "Path: ... | LineNumber: ..." suffix; the location already says that.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
