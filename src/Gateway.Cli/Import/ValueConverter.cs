using System.Text;
using System.Text.RegularExpressions;

namespace FunctionGateway.Cli.Import;

/// <summary>
/// Rewrites proxies.json values in the gateway's syntax: <c>%NAME%</c> as <c>$env.NAME</c>, and, in a mapping,
/// <c>{request.headers.x}</c>, <c>{request.querystring.x}</c> and route parameters as <c>$request.header.x</c>,
/// <c>$request.query.x</c> and <c>$request.path.x</c>. What has no equivalent is reported, and the value dropped.
/// </summary>
internal static partial class ValueConverter
{
    // What a $env reference can name.
    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvNamePattern();

    /// <summary>A value for a mapping (upstream header or query parameter), or null when it reads something the gateway cannot.</summary>
    public static string? ToMapping(string value, ProxyScope scope, string item) => Convert(value, scope, item, mapping: true);

    /// <summary>A value fixed when the config loads (a static response), or null when it reads the request or the back end.</summary>
    public static string? ToStatic(string value, ProxyScope scope, string item) => Convert(value, scope, item, mapping: false);

    /// <summary><c>$env.NAME</c> for an app setting, or null (reported) when the name cannot be written as one.</summary>
    public static string? AppSetting(string name, ProxyScope scope, string item)
    {
        if (!EnvNamePattern().IsMatch(name))
        {
            scope.NotConverted(item, $"app setting '%{name}%' has characters a $env reference cannot name (letters, digits, '_' and '-' only); rename the setting");
            return null;
        }

        scope.AppSettings.Add(name);
        return "$env." + name;
    }

    private static string? Convert(string value, ProxyScope scope, string item, bool mapping)
    {
        var result = new StringBuilder();
        foreach (var token in ProxyTemplate.Parse(value))
        {
            var piece = token.Kind switch
            {
                ProxyTokenKind.Literal => token.Text,
                ProxyTokenKind.AppSetting => AppSetting(token.Text, scope, item),
                _ => Reference(token.Text, scope, item, mapping),
            };
            if (piece is null)
            {
                return null;
            }

            result.Append(piece);
        }

        return result.ToString();
    }

    private static string? Reference(string reference, ProxyScope scope, string item, bool mapping)
    {
        var unsupported = Unsupported(reference, scope, mapping);
        if (unsupported is not null)
        {
            scope.NotConverted(item, unsupported);
            return null;
        }

        if (TryStrip(reference, "request.headers.", out var header))
        {
            return "$request.header." + header;
        }

        if (TryStrip(reference, "request.querystring.", out var query))
        {
            return "$request.query." + query;
        }

        // Only a route parameter is left (Unsupported let it through), or text that merely looks like a reference.
        return scope.Parameter(reference) is { } parameter ? "$request.path." + parameter : "{" + reference + "}";
    }

    /// <summary>Why a reference has no equivalent in this place, or null when it has one.</summary>
    private static string? Unsupported(string reference, ProxyScope scope, bool mapping)
    {
        if (reference.Equals("request.method", StringComparison.OrdinalIgnoreCase))
        {
            return "'{request.method}' has no equivalent: a gateway route's method is known when the config is written, so write it out";
        }

        if (reference.StartsWith("backend.", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{{{reference}}}' reads the back-end request or response, which the gateway does not expose to its config";
        }

        var readsRequest = reference.StartsWith("request.headers.", StringComparison.OrdinalIgnoreCase)
            || reference.StartsWith("request.querystring.", StringComparison.OrdinalIgnoreCase)
            || scope.Parameter(reference) is not null || scope.IsWildcard(reference);
        if (readsRequest && !mapping)
        {
            return $"'{{{reference}}}' reads the request, but a static response is fixed when the config loads";
        }

        if (mapping && scope.IsWildcard(reference))
        {
            return $"'{{{reference}}}' is the route's catch-all; a mapping can read single route parameters ($request.path.NAME) only";
        }

        return null;
    }

    private static bool TryStrip(string reference, string prefix, out string rest)
    {
        rest = reference.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? reference[prefix.Length..] : "";
        return rest.Length > 0;
    }
}
