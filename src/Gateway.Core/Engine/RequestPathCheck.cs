using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FunctionGateway.Engine;

/// <summary>
/// Refuses request paths that a server behind the gateway could resolve to another path than the one the gateway
/// routed and authorized: dot segments in any spelling (<c>..</c>, <c>%2e%2e</c>, <c>%252e</c>, <c>..;x</c> path
/// parameters, <c>..%2f</c>), backslashes (<c>\</c>, <c>%5c</c>), control characters and bytes that are not UTF-8
/// (overlong forms of <c>.</c> and <c>/</c> among them). The raw request target is checked, so dot segments the
/// server resolved before the gateway saw the path are refused too: the gateway never resolves a path, and never
/// forwards one that needs resolving.
/// </summary>
internal static class RequestPathCheck
{
    // How many layers of percent-encoding are undone: %25252e is three. A segment still encoded after that is refused.
    private const int MaxDecodeRounds = 4;

    private static readonly SearchValues<char> Suspect = SearchValues.Create("%.\\");

    public static bool IsSafe(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return target is { Length: > 0 } && TryGetPath(target, out var rawPath)
            ? IsSafe(rawPath)
            : IsSafe(string.Concat(context.Request.PathBase.Value, context.Request.Path.Value).AsSpan());
    }

    public static bool IsSafe(ReadOnlySpan<char> path)
    {
        if (!path.ContainsAny(Suspect))
        {
            return true;
        }

        if (path.Contains('\\'))
        {
            return false;
        }

        foreach (var range in path.Split('/'))
        {
            if (!IsSafeSegment(path[range]))
            {
                return false;
            }
        }

        return true;
    }

    // Origin-form "/a/b?q" or absolute-form "http://host/a/b?q"; false for the others (authority, asterisk).
    private static bool TryGetPath(string target, out ReadOnlySpan<char> path)
    {
        path = target.AsSpan();
        if (path[0] != '/')
        {
            var scheme = path.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0)
            {
                return false;
            }

            path = path[(scheme + 3)..];
            var slash = path.IndexOfAny('/', '?');
            path = slash < 0 || path[slash] == '?' ? "/" : path[slash..];
        }

        var query = path.IndexOf('?');
        path = query < 0 ? path : path[..query];
        return true;
    }

    private static bool IsSafeSegment(ReadOnlySpan<char> segment)
    {
        if (!segment.ContainsAny(Suspect))
        {
            return true;
        }

        if (!segment.Contains('%'))
        {
            // Nothing encoded: only the segment as it is can be a dot segment.
            return IsSafeName(segment);
        }

        var text = segment.ToString();
        for (var round = 0; text.Contains('%', StringComparison.Ordinal); round++)
        {
            if (round == MaxDecodeRounds || !TryDecode(text, out var decoded))
            {
                return false;
            }

            if (decoded == text)
            {
                break;
            }

            text = decoded;
        }

        if (text.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        // A decoded '/' splits the segment for a server that decodes before it resolves; ';' starts path
        // parameters, which Tomcat-style servers drop before resolving ("..;x" is "..").
        foreach (var part in text.Split('/'))
        {
            if (!IsSafeName(part))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSafeName(ReadOnlySpan<char> name)
    {
        var parameters = name.IndexOf(';');
        if (parameters >= 0)
        {
            name = name[..parameters];
        }

        // "...", ". ." and ".. " resolve as ".." on some file systems; no real segment is made of dots alone.
        return !name.Contains('.') || name.ContainsAnyExcept(". ");
    }

    // One layer of percent-decoding; false when the result is not UTF-8 or holds control characters.
    private static bool TryDecode(string text, out string decoded)
    {
        decoded = text;
        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
                i += 2;
            }
            else if (char.IsSurrogate(text[i]))
            {
                // Kept as sent: the server decoded the raw target, and a lone surrogate is not UTF-8.
                if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, 2)));
                i++;
            }
            else
            {
                var length = new Rune(text[i]).EncodeToUtf8(utf8);
                for (var b = 0; b < length; b++)
                {
                    bytes.Add(utf8[b]);
                }
            }
        }

        var array = bytes.ToArray();
        if (!Utf8.IsValid(array) || array.AsSpan().IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0 || array.AsSpan().Contains((byte)0x7F))
        {
            return false;
        }

        decoded = Encoding.UTF8.GetString(array);
        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
