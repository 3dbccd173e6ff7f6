using System.Text.Json.Nodes;

namespace FunctionGateway.Configuration;

public sealed record PathConfig
{
    /// <summary>GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD or ANY.</summary>
    public required string Method { get; init; }

    /// <summary>The route template: literal segments, <c>{name}</c>, and a trailing <c>{.+}</c>.</summary>
    public required string Path { get; init; }

    /// <summary>True when the route needs a token: <c>auth</c> is true, a name or a list of names.</summary>
    public bool Auth { get; init; }

    /// <summary>
    /// The named authorizers of <c>auth: "name"</c> or <c>auth: ["a", "b"]</c> (a token satisfying any one is
    /// accepted); empty with <see cref="Auth"/> true means the config's <c>authorizer</c>.
    /// </summary>
    public IReadOnlyList<string> AuthorizerNames { get; init; } = [];

    /// <summary>Claim rules checked after the token is accepted.</summary>
    public AuthorizationConfig? Authorization { get; init; }

    /// <summary>The <c>rate_limits</c> policies the route counts its requests against, in the config's order.</summary>
    public IReadOnlyList<string> RateLimitNames { get; init; } = [];

    public IntegrationConfig? Integration { get; init; }

    /// <summary>A static response: any JSON value, sent as is.</summary>
    public JsonNode? Response { get; init; }

    /// <summary>True when the config has a <c>response</c> key, even if its value is JSON null.</summary>
    public bool HasResponse { get; init; }

    public MappingConfig? Mapping { get; init; }

    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
}
