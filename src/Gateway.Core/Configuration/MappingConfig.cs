namespace FunctionGateway.Configuration;

/// <summary>Upstream headers and query parameters that the gateway sets from the request, the token or variables.</summary>
public sealed record MappingConfig
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();
}
