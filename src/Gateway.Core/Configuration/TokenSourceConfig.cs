namespace FunctionGateway.Configuration;

/// <summary>One place a token may be: a header (with an optional prefix such as <c>Bearer </c>), a query parameter or a cookie.</summary>
public sealed record TokenSourceConfig
{
    public string? Header { get; init; }

    /// <summary>For a header: the text before the token, compared case-insensitively.</summary>
    public string? Prefix { get; init; }

    public string? Query { get; init; }

    public string? Cookie { get; init; }
}
