namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>The request <c>gateway explain</c> asks about, as a client would send it.</summary>
public sealed record ExplainRequest
{
    public string Method { get; init; } = "GET";

    public required string Path { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Cookies { get; init; } = [];

    /// <summary>A token to send where the matched route's first authorizer looks first (by default <c>Authorization: Bearer</c>).</summary>
    public string? Token { get; init; }
}
