using FunctionGateway.Authorization;
using FunctionGateway.Errors;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>The token source check: which of the authorizer's <c>token_sources</c> holds the token, and why the others do not.</summary>
internal static class SourceDiagnosis
{
    public static CheckResult Check(JwtAuthorizer authorizer, HttpRequest request, out string? token)
    {
        token = null;
        var sources = authorizer.Sources;
        var expected = string.Join(", then ", sources.Select(s => s.Description));
        var misses = new List<string>();
        for (var i = 0; i < sources.Count; i++)
        {
            // The engine's own reader decides; the words below only say why it found nothing.
            if (sources[i].TryRead(request, out var found))
            {
                token = found.ToString();
                var position = authorizer.Config.TokenSources.Count == 0 ? "the default source" : $"token_sources[{i}]";
                return CheckResult.Pass("token source", expected, $"found in the {sources[i].Description} ({position})");
            }

            misses.Add(WhyEmpty(sources[i], request));
        }

        return CheckResult.Fail("token source", expected, string.Join("; ", misses), GatewayErrors.TokenMissing, Hint(request, sources));
    }

    private static string WhyEmpty(TokenSource source, HttpRequest request)
    {
        if (source.Header is { } header)
        {
            var values = request.Headers[header];
            var prefix = source.Prefix.TrimEnd();
            return values.Count switch
            {
                0 => $"no '{header}' header",
                > 1 => $"'{header}' is sent {values.Count} times, and a repeated header holds no token",
                _ when prefix.Length > 0 && !values[0].AsSpan().Trim().StartsWith(prefix, StringComparison.OrdinalIgnoreCase) =>
                    $"'{header}' does not start with '{prefix}'" + (LooksLikeJwt(values[0]) ? " (it holds a bare token: add the prefix)" : ""),
                _ => $"'{header}' holds nothing after '{prefix}'",
            };
        }

        if (source.Query is { } query)
        {
            var values = request.Query[query];
            return values.Count switch
            {
                0 => $"no query parameter '{query}'",
                > 1 => $"query parameter '{query}' is given {values.Count} times",
                _ => $"query parameter '{query}' is empty",
            };
        }

        return request.Cookies.ContainsKey(source.Cookie!) ? $"cookie '{source.Cookie}' is empty" : $"no cookie '{source.Cookie}'";
    }

    // A token sent somewhere the authorizer does not look is the usual cause; say where it was.
    private static string? Hint(HttpRequest request, IReadOnlyList<TokenSource> sources)
    {
        var read = sources.Where(s => s.Header is not null).Select(s => s.Header!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var elsewhere = request.Headers.Where(h => !read.Contains(h.Key) && h.Value.Any(v => v is not null && (LooksLikeJwt(v) || v.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))))
            .Select(h => $"'{h.Key}' header").ToList();
        return elsewhere.Count == 0 ? null : $"the request carries a token in the {string.Join(", ", elsewhere)}, which this authorizer does not read (see its token_sources)";
    }

    private static bool LooksLikeJwt(string? value) =>
        value is not null && value.Trim().StartsWith("eyJ", StringComparison.Ordinal) && value.Count(c => c == '.') == 2;
}
