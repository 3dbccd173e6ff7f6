namespace FunctionGateway.Configuration;

public sealed record ServerConfig
{
    /// <summary>The default time an upstream may take to answer before the gateway gives up with 504.</summary>
    public const int DefaultTimeoutSeconds = 30;

    public required string Alias { get; init; }

    /// <summary>Absolute http(s) URL; its path is a prefix of every forwarded path.</summary>
    public required string Url { get; init; }

    /// <summary>Extension of the format: how long the upstream may take to answer.</summary>
    public int? TimeoutSeconds { get; init; }
}
