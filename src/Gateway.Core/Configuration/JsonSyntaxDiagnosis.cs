using System.Text;
using System.Text.Json;

namespace FunctionGateway.Configuration;

/// <summary>
/// Explains why config text is not valid JSON: the 1-based line and column of the problem and a plain reason.
/// It reads the text again with its own reader, which knows what it was inside (an object or an array) and
/// where each key was first given, things System.Text.Json's exceptions do not say.
/// </summary>
internal static class JsonSyntaxDiagnosis
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    public static ConfigIssue Diagnose(string text, JsonException parseError)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var containers = new Stack<Container>();
        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            while (reader.Read())
            {
                if (Step(ref reader, containers, utf8) is { } duplicate)
                {
                    return duplicate;
                }
            }
        }
        catch (JsonException ex)
        {
            var (line, column) = Position(utf8, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            return new ConfigIssue($"line {line}, column {column}", JsonErrorText.Explain(ex.Message, containers.TryPeek(out var inside) ? inside.IsObject : null));
        }

        // The reader accepted what the parser refused: report the parser's reason without its own position text.
        var location = "(root)";
        if (parseError.LineNumber is { } lineIndex)
        {
            var (line, column) = Position(utf8, lineIndex, parseError.BytePositionInLine ?? 0);
            location = $"line {line}, column {column}";
        }

        return new ConfigIssue(location, JsonErrorText.Explain(parseError.Message, null));
    }

    /// <summary>Tracks where the reader is; returns an issue for a key given twice in one object.</summary>
    private static ConfigIssue? Step(ref Utf8JsonReader reader, Stack<Container> containers, byte[] utf8)
    {
        containers.TryPeek(out var parent);
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                var name = reader.GetString()!;
                var at = OffsetPosition(utf8, reader.TokenStartIndex);
                parent!.PendingKey = name;
                if (!parent.Keys!.TryAdd(name, at))
                {
                    var first = parent.Keys[name];
                    return new ConfigIssue($"line {at.Line}, column {at.Column}",
                        $"duplicate key '{ConfigNodeReader.Join(parent.Location, name)}' (first given at line {first.Line}, column {first.Column}); " +
                        "a key may appear only once in an object");
                }

                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                containers.Push(new Container(reader.TokenType == JsonTokenType.StartObject, ChildLocation(parent)));
                break;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                containers.Pop();
                break;
            default:
                ChildLocation(parent);
                break;
        }

        return null;
    }

    /// <summary>The location of the value starting in <paramref name="parent"/>; counts array items as it goes.</summary>
    private static string ChildLocation(Container? parent) => parent switch
    {
        null => "",
        { IsObject: true } => ConfigNodeReader.Join(parent.Location, parent.PendingKey ?? ""),
        _ => $"{parent.Location}[{parent.NextIndex++}]",
    };

    /// <summary>1-based line and column (in characters, not bytes) of a byte offset.</summary>
    private static (long Line, long Column) OffsetPosition(byte[] utf8, long offset)
    {
        var before = utf8.AsSpan(0, (int)Math.Min(offset, utf8.Length));
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    /// <summary>The same, from the reader's 0-based line and byte position in that line.</summary>
    private static (long Line, long Column) Position(byte[] utf8, long lineIndex, long bytePosition)
    {
        var lineStart = 0;
        for (var i = 0; i < lineIndex && lineStart < utf8.Length; i++)
        {
            var next = Array.IndexOf(utf8, (byte)'\n', lineStart);
            lineStart = next < 0 ? utf8.Length : next + 1;
        }

        return OffsetPosition(utf8, lineStart + bytePosition);
    }

    private sealed class Container(bool isObject, string location)
    {
        public bool IsObject { get; } = isObject;

        public string Location { get; } = location;

        public Dictionary<string, (long Line, long Column)>? Keys { get; } = isObject ? new(StringComparer.Ordinal) : null;

        public string? PendingKey { get; set; }

        public int NextIndex { get; set; }
    }
}
