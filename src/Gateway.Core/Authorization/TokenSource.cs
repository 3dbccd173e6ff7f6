using FunctionGateway.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionGateway.Authorization;

/// <summary>One place a token is read from: a header after a prefix, a query parameter or a cookie.</summary>
internal sealed class TokenSource
{
    private readonly string? _header;
    private readonly string _prefix;
    private readonly string? _query;
    private readonly string? _cookie;

    private TokenSource(string? header, string prefix, string? query, string? cookie, string description)
    {
        _header = header;
        _prefix = prefix;
        _query = query;
        _cookie = cookie;
        Description = description;
    }

    public static TokenSource BearerHeader { get; } = new(HeaderNames.Authorization, "Bearer ", null, null, "'Authorization: Bearer' header");

    internal string? Header => _header;

    internal string Prefix => _prefix;

    internal string? Query => _query;

    internal string? Cookie => _cookie;

    /// <summary>How the docs and the 401 reason name this source.</summary>
    public string Description { get; }

    public static TokenSource From(TokenSourceConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Header is { } header)
        {
            var prefix = config.Prefix ?? "";
            return new TokenSource(header, prefix, null, null, prefix.Length == 0 ? $"'{header}' header" : $"'{header}: {prefix.TrimEnd()}' header");
        }

        return config.Query is { } query
            ? new TokenSource(null, "", query, null, $"query parameter '{query}'")
            : new TokenSource(null, "", null, config.Cookie!, $"cookie '{config.Cookie}'");
    }

    /// <summary>The token this source holds, or null when it holds none (absent, empty, repeated, or without the prefix).</summary>
    public string? Read(HttpRequest request)
    {
        if (_header is not null)
        {
            var values = request.Headers[_header];
            return values.Count == 1 ? AfterPrefix(values[0]) : null;
        }

        if (_query is not null)
        {
            var values = request.Query[_query];
            return values.Count == 1 ? NonEmpty(values[0]) : null;
        }

        return request.Cookies.TryGetValue(_cookie!, out var cookie) ? NonEmpty(cookie) : null;
    }

    private string? AfterPrefix(string? value)
    {
        var span = value.AsSpan().Trim();
        if (!span.StartsWith(_prefix.AsSpan().TrimEnd(), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = span[_prefix.AsSpan().TrimEnd().Length..];
        // "Bearer" must be followed by a space: "Bearerabc" is not a bearer token.
        if (_prefix.Length > 0 && char.IsWhiteSpace(_prefix[^1]) && (token.IsEmpty || !char.IsWhiteSpace(token[0])))
        {
            return null;
        }

        token = token.Trim();
        return token.IsEmpty ? null : token.ToString();
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
