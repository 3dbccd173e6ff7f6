namespace FunctionGateway.Configuration;

public sealed record AuthorizerConfig
{
    public const string JwtType = "jwt";

    public required string Type { get; init; }

    /// <summary>The shared secret of HS256/384/512, usually <c>$secret.JWT_SECRET</c>.</summary>
    public string? Secret { get; init; }

    public string? Algorithm { get; init; }

    public string? Issuer { get; init; }

    public string? Audience { get; init; }
}
