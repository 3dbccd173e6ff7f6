using System.Text.Json;
using FunctionGateway.Configuration;
using FunctionGateway.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Authorization;

/// <summary>Validates tokens for one authorizer of the config: where the token is read, which keys and claims it needs.</summary>
public sealed class JwtAuthorizer
{
    private static readonly JsonWebTokenHandler Handler = CreateHandler();

    private readonly AuthorizerConfig _config;
    private readonly HashSet<string> _algorithms;
    private readonly ISigningKeySource _keys;
    private readonly TokenSource[] _sources;
    private readonly string _missingReason;
    private readonly LifetimeCheck _lifetime;
    private Parameters? _parameters;

    public JwtAuthorizer(AuthorizerConfig config, ISigningKeySource keys, TimeProvider timeProvider,
        int cacheCapacity = ValidatedTokenCache.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _keys = keys;
        // The accepted algorithms are the config's, never the token header's.
        _algorithms = new HashSet<string>(JwtAlgorithms.Effective(config.Algorithms), StringComparer.Ordinal);
        _sources = config.TokenSources.Count == 0 ? [TokenSource.BearerHeader] : [.. config.TokenSources.Select(TokenSource.From)];
        _missingReason = $"no token in the {string.Join(" or the ", _sources.Select(s => s.Description))}";
        _lifetime = new LifetimeCheck(timeProvider, TimeSpan.FromSeconds(config.ClockSkewSeconds), config.RequireExpiration,
            config.MaxLifetimeSeconds is { } max ? TimeSpan.FromSeconds(max) : null);
        Cache = new ValidatedTokenCache(timeProvider, cacheCapacity);
    }

    /// <summary>The name paths use, or <c>authorizer</c> for the config's default one.</summary>
    public string Name => _config.Name ?? "authorizer";

    internal ValidatedTokenCache Cache { get; }

    public KeySourceState KeyState => _keys.State;

    // What gateway explain reads to report each check with the engine's own settings.
    public AuthorizerConfig Config => _config;

    public IReadOnlySet<string> Algorithms => _algorithms;

    public IReadOnlyList<TokenSource> Sources => _sources;

    public ISigningKeySource KeySource => _keys;

    public LifetimeCheck Lifetime => _lifetime;

    public static JsonWebTokenHandler TokenHandler => Handler;

    public ValueTask<AuthorizationOutcome> AuthorizeAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var source in _sources)
        {
            if (source.TryRead(request, out var token))
            {
                return ValidateAsync(token, request.HttpContext.RequestAborted);
            }
        }

        return ValueTask.FromResult(AuthorizationOutcome.Failure(GatewayErrors.TokenMissing, _missingReason, tokenPresented: false));
    }

    public ValueTask<AuthorizationOutcome> ValidateAsync(string token, CancellationToken cancellationToken = default) =>
        ValidateAsync(token.AsMemory(), cancellationToken);

    private async ValueTask<AuthorizationOutcome> ValidateAsync(ReadOnlyMemory<char> tokenText, CancellationToken cancellationToken)
    {
        var keys = await _keys.GetAsync(cancellationToken);
        if (Cache.TryGet(tokenText.Span, keys, out var cached))
        {
            return cached!;
        }

        // A token seen for the first time is copied out of the request once, for the checks and the cache.
        var token = tokenText.ToString();

        if (!JwtShape.TryParse(token, out var header, out var payload, out var shapeError, out var shapeReason))
        {
            return AuthorizationOutcome.Failure(shapeError!, shapeReason!);
        }

        if (JwtHeaderCheck.Check(header, _algorithms) is { } headerFailure)
        {
            return headerFailure;
        }

        if (keys.SelectByKeyId && header.TryGetProperty("kid", out var kidValue))
        {
            var kid = kidValue.GetString()!;
            if (!keys.MayHaveKeyId(kid))
            {
                // A new kid usually means the identity provider rotated its keys; the source throttles refreshes.
                keys = await _keys.RefreshAsync(cancellationToken);
                if (!keys.MayHaveKeyId(kid))
                {
                    return keys.UnavailableReason is { } unavailable
                        ? AuthorizationOutcome.Failure(GatewayErrors.JwksInvalid, unavailable)
                        : AuthorizationOutcome.Failure(GatewayErrors.JwksNoMatchingKey,
                            $"no key of the key set has the token's kid \"{ReasonText.Quote(kid)}\", even after a refresh");
                }
            }
        }

        if (keys.UnavailableReason is { } reason)
        {
            return AuthorizationOutcome.Failure(GatewayErrors.JwksInvalid, reason);
        }

        var result = await Handler.ValidateTokenAsync(token, ParametersFor(keys));
        if (!result.IsValid)
        {
            return AuthorizationOutcome.Failure(JwtErrorMap.ToError(result.Exception), JwtErrorMap.Describe(result.Exception, payload));
        }

        if (_config.Subject is { } subject && !(payload.TryGetProperty("sub", out var sub)
            && sub.ValueKind == JsonValueKind.String && sub.ValueEquals(subject)))
        {
            return AuthorizationOutcome.Failure(GatewayErrors.ClaimValidationFailed, "the token's 'sub' is not the authorizer's subject");
        }

        // After the signature and the issuer and audience, as jose orders its checks.
        if (!_lifetime.TryCheck(payload, out var expires, out var error, out var lifetimeReason))
        {
            return AuthorizationOutcome.Failure(error!, lifetimeReason!);
        }

        var outcome = AuthorizationOutcome.Success(payload);
        Cache.Add(token, keys, outcome, expires);
        return outcome;
    }

    /// <summary>What Microsoft.IdentityModel checks (signature, issuer, audience) for these keys; cached per key set.</summary>
    public TokenValidationParameters ParametersFor(KeySet keys)
    {
        var current = _parameters;
        if (current is not null && ReferenceEquals(current.Keys, keys))
        {
            return current.Value;
        }

        var issuers = _config.Issuers.Count > 0 ? _config.Issuers : keys.DiscoveredIssuer is { } discovered ? [discovered] : [];
        var parameters = new TokenValidationParameters
        {
            ValidAlgorithms = _algorithms,
            IssuerSigningKeys = keys.Keys,
            TryAllIssuerSigningKeys = true,
            ValidateIssuer = issuers.Count > 0,
            ValidIssuers = issuers,
            ValidateAudience = _config.Audiences.Count > 0,
            ValidAudiences = _config.Audiences,
            // Time claims are checked by LifetimeCheck, against the gateway's TimeProvider.
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = false,
        };
        _parameters = new Parameters(keys, parameters);
        return parameters;
    }

    private static JsonWebTokenHandler CreateHandler()
    {
        IdentityModelSwitches.Apply();
        return new JsonWebTokenHandler { MapInboundClaims = false };
    }

    private sealed record Parameters(KeySet Keys, TokenValidationParameters Value);
}
