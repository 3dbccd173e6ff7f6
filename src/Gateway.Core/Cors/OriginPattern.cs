namespace FunctionGateway.Cors;

/// <summary>An allowed origin: exact, <c>*</c>, or a pattern whose <c>*</c> stands for any run of characters.</summary>
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

        // First piece anchors the start, last piece the end, the ones between must appear in order.
        var span = origin.AsSpan();
        if (!span.StartsWith(_pieces[0], StringComparison.Ordinal) || !span.EndsWith(_pieces[^1], StringComparison.Ordinal)
            || span.Length < _pieces[0].Length + _pieces[^1].Length)
        {
            return false;
        }

        span = span[_pieces[0].Length..^_pieces[^1].Length];
        for (var i = 1; i < _pieces.Length - 1; i++)
        {
            var at = span.IndexOf(_pieces[i], StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            span = span[(at + _pieces[i].Length)..];
        }

        return true;
    }
}
