using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace FunctionGateway.Mapping;

/// <summary>
/// A compiled mapping value such as <c>$request.jwt.sub</c>, <c>Bearer $request.header.x-token</c>,
/// <c>$request.path.id</c> (a route parameter) or a literal.
/// <c>$config.NAME</c> is read from the route's variables, then the global ones, when the config is built.
/// </summary>
public sealed partial class MappingTemplate
{
    [GeneratedRegex(@"\$(request\.header|request\.query|request\.jwt|request\.path|config)\.([A-Za-z0-9_\-.:]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();

    internal const string KnownSources = "$request.header.NAME, $request.query.NAME, $request.path.NAME, $request.jwt.CLAIM, $config.NAME";

    // The characters of a reference's name, as the pattern above reads them.
    private static readonly System.Buffers.SearchValues<char> ReferenceChars = System.Buffers.SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.:");

    private readonly MappingPart[] _parts;

    private MappingTemplate(MappingPart[] parts) => _parts = parts;

    internal bool UsesJwt => _parts.Any(p => p.Source == MappingSource.Jwt);

    /// <summary>The route parameters the value reads with <c>$request.path.NAME</c>.</summary>
    internal IEnumerable<string> RouteParameters => _parts.Where(p => p.Source == MappingSource.Path).Select(p => p.Text);

    /// <summary>Compiles a value; the error names a <c>$config</c> variable that neither scope defines.</summary>
    public static MappingTemplate Compile(string value, IReadOnlyDictionary<string, string> routeVariables,
        IReadOnlyDictionary<string, string> globalVariables, out string? error)
    {
        error = null;
        var parts = new List<MappingPart>();
        var last = 0;
        foreach (Match match in ReferencePattern().Matches(value))
        {
            AddLiteral(parts, value[last..match.Index]);
            var name = match.Groups[2].Value;
            switch (match.Groups[1].Value)
            {
                case "request.header":
                    parts.Add(new MappingPart(MappingSource.Header, name));
                    break;
                case "request.query":
                    parts.Add(new MappingPart(MappingSource.Query, name));
                    break;
                case "request.jwt":
                    parts.Add(new MappingPart(MappingSource.Jwt, name));
                    break;
                case "request.path":
                    parts.Add(new MappingPart(MappingSource.Path, name));
                    break;
                default:
                    if (routeVariables.TryGetValue(name, out var variable) || globalVariables.TryGetValue(name, out variable))
                    {
                        AddLiteral(parts, variable);
                    }
                    else
                    {
                        error ??= $"'$config.{name}' is not defined in the route's variables nor the global variables";
                    }

                    break;
            }

            last = match.Index + match.Length;
        }

        AddLiteral(parts, value[last..]);
        return new MappingTemplate([.. parts]);
    }

    /// <summary>
    /// The first <c>$request.</c> or <c>$config.</c> reference of a value that names no known source (a typo such as
    /// <c>$request.headers.x</c>), or null. Compiled as it stands, it would be sent upstream as literal text.
    /// </summary>
    internal static string? FindUnknownSource(string value)
    {
        var known = ReferencePattern().Matches(value);
        for (var at = value.IndexOf('$'); at >= 0; at = value.IndexOf('$', at + 1))
        {
            var rest = value.AsSpan(at);
            if (!rest.StartsWith("$request.", StringComparison.OrdinalIgnoreCase) && !rest.StartsWith("$config.", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!known.Any(m => m.Index == at))
            {
                var end = rest[1..].IndexOfAnyExcept(ReferenceChars);
                return rest[..(end < 0 ? rest.Length : end + 1)].ToString();
            }
        }

        return null;
    }

    /// <summary>The value for this request, or null when any source it reads is missing.</summary>
    public string? Resolve(IMappingValues values)
    {
        if (_parts.Length == 1)
        {
            return Read(_parts[0], values);
        }

        // Pieces are joined on the stack: the value itself is the only string a request allocates.
        var result = new DefaultInterpolatedStringHandler(0, _parts.Length, CultureInfo.InvariantCulture, stackalloc char[256]);
        foreach (var part in _parts)
        {
            var piece = Read(part, values);
            if (piece is null)
            {
                result.Clear();
                return null;
            }

            result.AppendLiteral(piece);
        }

        return result.ToStringAndClear();
    }

    private static string? Read(MappingPart part, IMappingValues values) => part.Source switch
    {
        MappingSource.Literal => part.Text,
        MappingSource.Header => values.Header(part.Text),
        MappingSource.Query => values.Query(part.Text),
        MappingSource.Path => values.RouteParameter(part.Text),
        _ => values.Claim(part.Text),
    };

    private static void AddLiteral(List<MappingPart> parts, string text)
    {
        if (text.Length > 0)
        {
            parts.Add(new MappingPart(MappingSource.Literal, text));
        }
    }
}
