namespace FunctionGateway.Authorization;

/// <summary>Token-controlled text (a kid, an issuer) made safe to put in a log line or a header.</summary>
internal static class ReasonText
{
    private const int MaxLength = 80;

    public static string Quote(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var length = Math.Min(text.Length, MaxLength);
        var quoted = string.Create(length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = source[i];
                span[i] = c is < ' ' or > '~' or '"' or '\\' ? '?' : c;
            }
        });
        return text.Length > MaxLength ? quoted + "..." : quoted;
    }
}
