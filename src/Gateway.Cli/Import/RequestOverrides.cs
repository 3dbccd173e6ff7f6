namespace FunctionGateway.Cli.Import;

/// <summary>A proxy's converted <c>requestOverrides</c>: the upstream method and the headers and query parameters the gateway sets.</summary>
internal sealed class RequestOverrides
{
    public string? Method { get; set; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public List<KeyValuePair<string, string>> Query { get; } = [];
}
