using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionGateway.Cli.Import;

/// <summary>Reads and parses a proxies.json file; bad input is a one-line error naming the file and where, never an exception.</summary>
internal static class ProxiesFile
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static JsonObject? Read(string path, out string? error)
    {
        error = null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            error = $"{path}: no such file";
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: cannot be read: {ex.Message}";
            return null;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: Options);
        }
        catch (JsonException ex)
        {
            var message = ex.Message.IndexOf(" Path:", StringComparison.Ordinal) is var end and >= 0 ? ex.Message[..end] : ex.Message;
            error = $"{path}: line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: malformed JSON: {message}";
            return null;
        }

        if (root is not JsonObject obj || obj["proxies"] is not JsonObject)
        {
            error = $"{path}: not a proxies.json file: it must be a JSON object with a 'proxies' object of named proxies";
            return null;
        }

        return obj;
    }
}
