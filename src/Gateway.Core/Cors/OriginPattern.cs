namespace FunctionGateway.Cors;

/// <summary>
/// An allowed origin: exact, <c>*</c> (any origin), or a pattern whose every <c>*</c> stands for one or more DNS
/// labels (letters, digits and hyphens, separated by dots) and nothing else, so <c>https://*.example.org</c> allows
/// <c>https://a.b.example.org</c> but never <c>https://.example.org</c> or <c>https://evil.test/.example.org</c>.
/// Only a valid serialized origin (<see cref="SerializedOrigin"/>) is ever matched.
/// </summary>
internal sealed class OriginPattern
{
    private readonly string[] _pieces;

    public OriginPattern(string text)
    {
        Text = text;
        IsAny = text == "*";
        _pieces = text.Split('*');
    }

    public string Text { get; }

    public bool IsAny { get; }

    public bool IsExact => _pieces.Length == 1;

    /// <summary>Whether the pattern allows <paramref name="origin"/>, which the caller has checked is a serialized origin.</summary>
    public bool Matches(string origin)
    {
        if (IsAny)
        {
            return true;
        }

        if (IsExact)
        {
            return string.Equals(origin, Text, StringComparison.Ordinal);
        }

        return Matches(origin.AsSpan(), 0);
    }

    // The pieces between the stars must appear in order; each star takes the shortest run of labels that lets the
    // rest match, trying longer runs when it does not.
    private bool Matches(ReadOnlySpan<char> rest, int piece)
    {
        var literal = _pieces[piece];
        if (!rest.StartsWith(literal, StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[literal.Length..];
        if (piece == _pieces.Length - 1)
        {
            return rest.IsEmpty;
        }

        // Each prefix that ends a label is a candidate; the run stops at the first character no label holds, or
        // at an empty label ("..", a leading '.').
        for (var length = 0; length < rest.Length; length++)
        {
            var c = rest[length];
            if (c == '.')
            {
                if (length == 0 || rest[length - 1] == '.')
                {
                    return false;
                }

                continue;
            }

            if (!SerializedOrigin.IsLabelChar(c))
            {
                return false;
            }

            if (Matches(rest[(length + 1)..], piece + 1))
            {
                return true;
            }
        }

        return false;
    }
}
