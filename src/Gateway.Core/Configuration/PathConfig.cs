using System.Text.Json.Nodes;

namespace FunctionGateway.Configuration;

public sealed record PathConfig
{
    /// <summary>GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD or ANY.</summary>
    public required string Method { get; init; }

    /// <summary>The route template: literal segments, <c>{name}</c>, and a trailing <c>{.+}</c>.</summary>
    public required string Path { get; init; }

    public bool Auth { get; init; }

    public IntegrationConfig? Integration { get; init; }

    /// <summary>A static response: any JSON value, sent as is.</summary>
    public JsonNode? Response { get; init; }

    /// <summary>True when the config has a <c>response</c> key, even if its value is JSON null.</summary>
    public bool HasResponse { get; init; }

    public MappingConfig? Mapping { get; init; }

    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
}
