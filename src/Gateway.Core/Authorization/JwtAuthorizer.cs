using System.Runtime.InteropServices;
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
    private Validation? _validation;

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

        // A token seen for the first time is copied out of the request once, for the checks and the cache; one
        // handed over as a whole string is used as it is.
        var token = MemoryMarshal.TryGetString(tokenText, out var whole, out var start, out var length)
            && start == 0 && length == whole.Length ? whole : tokenText.ToString();

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

        var validation = ValidationFor(keys);
        var claimProblem = RegisteredClaims.Problem(payload);
        if (claimProblem is null)
        {
            // The token decoded once: its signature, issuer and audience checked on what the shape check parsed.
            switch (ParsedTokenValidator.Validate(token, header, payload, keys, validation.Issuers, _config.Audiences))
            {
                case ParsedTokenVerdict.Accepted:
                    return Accept(token, payload, keys);
                case ParsedTokenVerdict.SignatureMismatch:
                    return AuthorizationOutcome.Failure(GatewayErrors.SignatureVerificationFailed, JwtErrorMap.SignatureMismatch);
                case ParsedTokenVerdict.NoKeyVerifies:
                    return AuthorizationOutcome.Failure(GatewayErrors.SignatureVerificationFailed, JwtErrorMap.NoKeyVerifies);
            }
        }

        // The rest (a claim the validator cannot read, a wrong issuer or audience) in the validator's own words.
        var result = await Handler.ValidateTokenAsync(token, validation.Parameters);
        if (!result.IsValid)
        {
            return JwtErrorMap.IsMapped(result.Exception)
                ? AuthorizationOutcome.Failure(JwtErrorMap.ToError(result.Exception), JwtErrorMap.Describe(result.Exception, payload))
                : Unverified(token, header, payload, keys, claimProblem);
        }

        // RFC 7519's types, once the signature holds: a 'sub' that is not a string is refused, never mapped.
        return claimProblem is not null
            ? AuthorizationOutcome.Failure(GatewayErrors.ClaimValidationFailed, claimProblem)
            : Accept(token, payload, keys);
    }

    /// <summary>The checks after the signature, issuer and audience: the subject, then the time claims.</summary>
    private AuthorizationOutcome Accept(string token, JsonElement payload, KeySet keys)
    {
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

    /// <summary>
    /// The answer for a token the validator refused without saying why in one of <see cref="JwtErrorMap"/>'s terms:
    /// it reads the registered claims before it verifies the signature, and gives up on one it cannot read. The
    /// signature is verified here, so the documented order holds: a forged token is a bad signature whatever its
    /// payload; a signed one is refused naming the claim.
    /// </summary>
    private static AuthorizationOutcome Unverified(string token, JsonElement header, JsonElement payload, KeySet keys, string? claimProblem)
    {
        var algorithm = header.GetProperty("alg").GetString()!;
        var keyId = header.TryGetProperty("kid", out var kid) ? kid.GetString() : null;
        if (!SignatureCheck.Verifies(token, algorithm, keyId, keys))
        {
            return AuthorizationOutcome.Failure(GatewayErrors.SignatureVerificationFailed, JwtErrorMap.NoKeyVerifies);
        }

        return claimProblem is not null
            ? AuthorizationOutcome.Failure(GatewayErrors.ClaimValidationFailed, claimProblem)
            : AuthorizationOutcome.Failure(GatewayErrors.AuthFailed, JwtErrorMap.Describe(null, payload));
    }

    /// <summary>What Microsoft.IdentityModel checks (signature, issuer, audience) for these keys; cached per key set.</summary>
    public TokenValidationParameters ParametersFor(KeySet keys) => ValidationFor(keys).Parameters;

    private Validation ValidationFor(KeySet keys)
    {
        var current = _validation;
        if (current is not null && ReferenceEquals(current.Keys, keys))
        {
            return current;
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
        var validation = new Validation(keys, issuers, parameters);
        _validation = validation;
        return validation;
    }

    private static JsonWebTokenHandler CreateHandler()
    {
        IdentityModelSwitches.Apply();
        return new JsonWebTokenHandler { MapInboundClaims = false };
    }

    private sealed record Validation(KeySet Keys, IReadOnlyList<string> Issuers, TokenValidationParameters Parameters);
}
