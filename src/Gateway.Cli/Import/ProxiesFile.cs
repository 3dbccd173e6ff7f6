using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionGateway.Cli.Import;

/// <summary>Parses the text of a proxies.json file; bad input is a one-line error naming the file and where, never an exception.</summary>
internal static class ProxiesFile
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static JsonObject? Parse(string text, string path, out string? error)
    {
        error = null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: Options);
        }
        catch (JsonException ex)
        {
            error = $"{path}: line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: malformed JSON: {FirstSentences(ex.Message)}";
            return null;
        }

        if (root is not JsonObject obj || obj["proxies"] is not JsonObject)
        {
            error = $"{path}: not a proxies.json file: it must be a JSON object with a 'proxies' object of named proxies";
            return null;
        }

        return obj;
    }

    // System.Text.Json appends where it stopped ("LineNumber: ... | BytePositionInLine: ..."); the line and column say that.
    private static string FirstSentences(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            if (message.IndexOf(marker, StringComparison.Ordinal) is var end and >= 0)
            {
                message = message[..end];
            }
        }

        return message;
    }
}
