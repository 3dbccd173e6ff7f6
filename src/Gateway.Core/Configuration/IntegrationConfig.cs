namespace FunctionGateway.Configuration;

public sealed record IntegrationConfig
{
    public const string HttpProxy = "http_proxy";

    /// <summary>Serverless API Gateway's alias of <see cref="HttpProxy"/>.</summary>
    public const string Http = "http";

    /// <summary>Null when the config's <c>type</c> is missing or not a string: the reader has reported it.</summary>
    public required string? Type { get; init; }

    /// <summary>The alias of one of the config's servers.</summary>
    public string? Server { get; init; }

    public bool IsHttpProxy => Type is HttpProxy or Http;
}
