namespace FunctionGateway.Mapping;

/// <summary>A route's compiled mapping: upstream headers and query parameters the gateway owns.</summary>
internal sealed class RequestMapping(
    IReadOnlyList<KeyValuePair<string, MappingTemplate>> headers,
    IReadOnlyList<KeyValuePair<string, MappingTemplate>> query)
{
    public IReadOnlyList<KeyValuePair<string, MappingTemplate>> Headers { get; } = headers;

    public IReadOnlyList<KeyValuePair<string, MappingTemplate>> Query { get; } = query;

    /// <summary>The mapped header names, matching every spelling a CGI-style server would read as the same one.</summary>
    public IReadOnlySet<string> HeaderNames { get; } = new HashSet<string>(headers.Select(h => h.Key), HeaderNameComparer.Instance);
}
