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

    /// <summary>Extension: send the upstream an RFC 7239 <c>Forwarded</c> header of the gateway's own.</summary>
    public bool SendForwarded { get; init; }

    /// <summary>Extension: let the client's X-HTTP-Method-Override, X-Original-URL... through to this upstream.</summary>
    public bool ForwardOverrideHeaders { get; init; }
}
