namespace FunctionGateway.Mapping;

/// <summary>
/// Header names compared the way CGI-style servers (CGI, WSGI, PHP, Rack) read them: ASCII case ignored and
/// <c>_</c> taken for <c>-</c>, since both become <c>HTTP_X_USER_ID</c> there. Two names equal here reach such an
/// upstream as one variable, so a client's spelling must never sit beside the gateway's.
/// </summary>
internal sealed class HeaderNameComparer : IEqualityComparer<string>
{
    public static HeaderNameComparer Instance { get; } = new();

    private HeaderNameComparer()
    {
    }

    public bool Equals(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return ReferenceEquals(x, y);
        }

        if (x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (Fold(x[i]) != Fold(y[i]))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        foreach (var c in obj)
        {
            hash.Add(Fold(c));
        }

        return hash.ToHashCode();
    }

    /// <summary>True when <paramref name="name"/> starts with <paramref name="prefix"/> under the same folding.</summary>
    public static bool StartsWith(string name, string prefix)
    {
        if (name.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (Fold(name[i]) != Fold(prefix[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static char Fold(char c) => c switch
    {
        '_' => '-',
        >= 'A' and <= 'Z' => (char)(c + 32),
        _ => c,
    };
}
