namespace FunctionGateway.Configuration;

/// <summary>
/// A JWT authorizer: the config's <c>authorizer</c> (used by <c>auth: true</c>) or one of its named
/// <c>authorizers</c>. Which keys verify a token, which claims it must carry and where it is read from.
/// </summary>
public sealed record AuthorizerConfig
{
    public const string JwtType = "jwt";

    /// <summary>The name paths use in <c>auth</c>; null for the default <c>authorizer</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Null when the config's <c>type</c> is missing or not a string: the reader has reported it.</summary>
    public required string? Type { get; init; }

    /// <summary>The JSON location of this authorizer (<c>authorizer</c> or <c>authorizers[1]</c>), for config issues.</summary>
    public string Location { get; init; } = "authorizer";

    /// <summary>The shared secret of HS256/384/512, usually <c>$secret.JWT_SECRET</c>.</summary>
    public string? Secret { get; init; }

    /// <summary>The accepted algorithms, from <c>algorithm</c> or <c>algorithms</c>; empty means HS256.</summary>
    public IReadOnlyList<string> Algorithms { get; init; } = [];

    /// <summary>The key the algorithms were written under (<c>algorithm</c> or <c>algorithms</c>), so issues name what the user wrote.</summary>
    public string AlgorithmsKey { get; init; } = "algorithm";

    /// <summary>An inline JSON Web Key Set, as JSON text.</summary>
    public string? Jwks { get; init; }

    public string? JwksUri { get; init; }

    public string? OpenIdConfigurationUri { get; init; }

    /// <summary>Accepted <c>iss</c> values; empty accepts any (or the discovery document's issuer).</summary>
    public IReadOnlyList<string> Issuers { get; init; } = [];

    /// <summary>Accepted <c>aud</c> values; empty accepts any.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    public string? Subject { get; init; }

    public bool RequireExpiration { get; init; } = true;

    public int? MaxLifetimeSeconds { get; init; }

    public int ClockSkewSeconds { get; init; }

    public int JwksRefreshMinSeconds { get; init; } = DefaultJwksRefreshMinSeconds;

    /// <summary>Where the token is read from, in order; empty means the <c>Authorization: Bearer</c> header.</summary>
    public IReadOnlyList<TokenSourceConfig> TokenSources { get; init; } = [];

    public const int DefaultJwksRefreshMinSeconds = 60;
}
