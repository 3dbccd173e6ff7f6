using System.Text.RegularExpressions;

namespace FunctionGateway.Configuration;

/// <summary>
/// Plain words for System.Text.Json's reader errors. Its messages carry their own 0-based position and, for
/// some, advice to change reader options, which a config author cannot do; the issue's location says where.
/// </summary>
internal static partial class JsonErrorText
{
    [GeneratedRegex(@"^'(?<found>.+?)' is ", RegexOptions.CultureInvariant)]
    private static partial Regex Found();

    [GeneratedRegex(@"\s*(LineNumber:|Path:|Change the reader options\.).*$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Suffix();

    /// <param name="message">The library's message.</param>
    /// <param name="inObject">True inside an object, false inside an array, null at the top level or when unknown.</param>
    public static string Explain(string message, bool? inObject)
    {
        var found = Found().Match(message) is { Success: true } m ? m.Groups["found"].Value : null;
        return message switch
        {
            _ when message.Contains("is invalid after a value", StringComparison.Ordinal) => inObject switch
            {
                true => "expected ',' or '}' after a property value",
                false => "expected ',' or ']' after an array item",
                null => "expected ',', '}' or ']' after a value",
            },
            _ when message.Contains("is invalid after a property name", StringComparison.Ordinal) => "expected ':' after a property name",
            _ when message.Contains("invalid start of a property name", StringComparison.Ordinal) =>
                $"expected a property name in double quotes, found '{found}'",
            _ when message.Contains("trailing comma", StringComparison.Ordinal) => inObject == false
                ? "a comma before ']' has no item after it: remove the comma"
                : "a comma before '}' has no property after it: remove the comma",
            _ when message.Contains("Expected depth to be zero", StringComparison.Ordinal) =>
                "the text ends inside an object or array: a closing '}' or ']' is missing",
            _ when message.Contains("without a matching open", StringComparison.Ordinal) => $"'{found}' closes nothing: there is no matching opening bracket",
            _ when message.Contains("invalid after a single JSON value", StringComparison.Ordinal) =>
                $"unexpected '{found}' after the end of the config's JSON object",
            _ when message.Contains("does not contain any JSON tokens", StringComparison.Ordinal) => "the config is empty: expected a JSON object",
            _ when message.Contains("invalid JSON literal", StringComparison.Ordinal) =>
                "expected true, false or null; a text value needs double quotes",
            _ when message.Contains("invalid start of a value", StringComparison.Ordinal) =>
                $"expected a value (a string in double quotes, a number, true, false, null, an object or an array), found '{found}'",
            _ when message.Contains("invalid escapable character", StringComparison.Ordinal) =>
                $"'\\{found}' is not a valid escape in a string; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX",
            _ when message.Contains("within a JSON string", StringComparison.Ordinal) =>
                "a string holds a line break or other control character: write it as an escape such as \\n, or close the string's quotes",
            _ when message.Contains("number", StringComparison.OrdinalIgnoreCase) || message.Contains("leading zero", StringComparison.Ordinal) =>
                "malformed number: " + Suffix().Replace(message, ""),
            _ when message.Contains("maximum configured depth", StringComparison.Ordinal) => "objects and arrays are nested too deeply",
            _ => Suffix().Replace(message, ""),
        };
    }
}
