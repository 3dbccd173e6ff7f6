namespace FunctionGateway.Integrations;

/// <summary>Encodes a route parameter's value so that it is exactly one path segment of the backend URL, whatever it holds.</summary>
internal static class PathSegmentEncoder
{
    public static string Encode(string value)
    {
        // A whole-segment '.' or '..' would be resolved by the URL parser or the backend: encode the dots.
        if (value is "." or "..")
        {
            return value.Replace(".", "%2E", StringComparison.Ordinal);
        }

        // ASP.NET Core decodes the request path except '%2F', so that segments stay apart; a parameter still
        // holding one means an encoded slash, which is re-encoded below like every other reserved character.
        var decoded = value.Contains('%', StringComparison.Ordinal)
            ? value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase)
            : value;
        return Uri.EscapeDataString(decoded);
    }
}
