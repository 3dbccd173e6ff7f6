using FunctionGateway.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionGateway.Authorization;

/// <summary>One place a token is read from: a header after a prefix, a query parameter or a cookie.</summary>
public sealed class TokenSource
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

    public string? Header => _header;

    public string Prefix => _prefix;

    public string? Query => _query;

    public string? Cookie => _cookie;

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

    /// <summary>
    /// The token this source holds, as a slice of the request's own string so that a token the cache knows costs
    /// no copy; false when it holds none (absent, empty, repeated, or without the prefix).
    /// </summary>
    public bool TryRead(HttpRequest request, out ReadOnlyMemory<char> token)
    {
        if (_header is not null)
        {
            var values = request.Headers[_header];
            token = values.Count == 1 ? AfterPrefix(values[0]) : default;
        }
        else if (_query is not null)
        {
            var values = request.Query[_query];
            token = values.Count == 1 ? values[0].AsMemory().Trim() : default;
        }
        else
        {
            token = request.Cookies.TryGetValue(_cookie!, out var cookie) ? cookie.AsMemory().Trim() : default;
        }

        return !token.IsEmpty;
    }

    private ReadOnlyMemory<char> AfterPrefix(string? value)
    {
        var text = value.AsMemory().Trim();
        var prefix = _prefix.AsSpan().TrimEnd();
        if (!text.Span.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return default;
        }

        var token = text[prefix.Length..];
        // "Bearer" must be followed by a space: "Bearerabc" is not a bearer token.
        if (_prefix.Length > 0 && char.IsWhiteSpace(_prefix[^1]) && (token.IsEmpty || !char.IsWhiteSpace(token.Span[0])))
        {
            return default;
        }

        return token.Trim();
    }
}
