using System.Text.Json.Nodes;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>What <c>gateway token</c> is asked to mint.</summary>
public sealed record TokenRequest
{
    /// <summary>The named authorizer, or null for the config's <c>authorizer</c> (or its only one).</summary>
    public string? Authorizer { get; init; }

    public string? Subject { get; init; }

    /// <summary>Extra claims; they override the defaults (<c>iss</c>, <c>aud</c>, <c>sub</c>, <c>iat</c>, <c>exp</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Claims { get; init; } = [];

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);
}
