using System.Buffers;

namespace FunctionGateway.Cors;

/// <summary>
/// The form browsers send in <c>Origin</c> (RFC 6454 section 6.1): <c>scheme://host</c> with an optional
/// <c>:port</c>, and nothing else: no path, query, fragment or user info. A host is DNS labels of letters, digits
/// and hyphens (an international name arrives as punycode), an IPv4 address, or an IPv6 one in brackets. Anything
/// else (the opaque origin <c>null</c> included) gets no CORS headers whatever the allowed origins are.
/// </summary>
internal static class SerializedOrigin
{
    private static readonly SearchValues<char> SchemeChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    private static readonly SearchValues<char> LabelChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    private static readonly SearchValues<char> Ipv6Chars = SearchValues.Create("0123456789abcdefABCDEF:.");

    public static bool IsValid(string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var span = origin.AsSpan();
        var schemeEnd = span.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !char.IsAsciiLetter(span[0]) || span[..schemeEnd].ContainsAnyExcept(SchemeChars))
        {
            return false;
        }

        var authority = span[(schemeEnd + 3)..];
        ReadOnlySpan<char> port;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 2 || authority[1..close].ContainsAnyExcept(Ipv6Chars))
            {
                return false;
            }

            port = authority[(close + 1)..];
        }
        else
        {
            var colon = authority.IndexOf(':');
            var host = colon < 0 ? authority : authority[..colon];
            port = colon < 0 ? [] : authority[colon..];
            if (!IsDnsName(host))
            {
                return false;
            }
        }

        return port.IsEmpty || (port[0] == ':' && port.Length is > 1 and <= 6 && !port[1..].ContainsAnyExceptInRange('0', '9'));
    }

    public static bool IsLabelChar(char c) => LabelChars.Contains(c);

    /// <summary>One or more labels of letters, digits and hyphens, separated by single dots.</summary>
    public static bool IsDnsName(ReadOnlySpan<char> name)
    {
        // 253 characters is the longest name DNS can carry; it also bounds the work of matching a pattern.
        if (name.IsEmpty || name.Length > 253)
        {
            return false;
        }

        foreach (var range in name.Split('.'))
        {
            var label = name[range];
            if (label.IsEmpty || label.Length > 63 || label.ContainsAnyExcept(LabelChars))
            {
                return false;
            }
        }

        return true;
    }
}
