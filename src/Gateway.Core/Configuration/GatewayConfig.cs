namespace FunctionGateway.Configuration;

/// <summary>A gateway config in the Serverless API Gateway format, after references are resolved.</summary>
public sealed record GatewayConfig
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<ServerConfig> Servers { get; init; } = [];

    public CorsConfig? Cors { get; init; }

    public AuthorizerConfig? Authorizer { get; init; }

    /// <summary>Named authorizers, which paths select with <c>auth: "name"</c> or a list of names.</summary>
    public IReadOnlyList<AuthorizerConfig> Authorizers { get; init; } = [];

    /// <summary>Global variables, read by <c>$config.NAME</c> mappings after the route's own.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Named rate limit policies (an extension of the format), which paths select with <c>rate_limit</c>.</summary>
    public IReadOnlyList<RateLimitConfig> RateLimits { get; init; } = [];

    public IReadOnlyList<PathConfig> Paths { get; init; } = [];
}
