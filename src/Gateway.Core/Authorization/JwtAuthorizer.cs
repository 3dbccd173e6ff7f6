using System.Text;
using System.Text.Json;
using FunctionGateway.Configuration;
using FunctionGateway.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Authorization;

/// <summary>Validates bearer tokens for the routes of one authorizer of the config.</summary>
internal sealed class JwtAuthorizer
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    private readonly TokenValidationParameters _parameters;
    private readonly HashSet<string> _algorithms;
    private readonly LifetimeCheck _lifetime;

    public JwtAuthorizer(AuthorizerConfig config, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(config.Secret);
        var algorithm = config.Algorithm ?? SecurityAlgorithms.HmacSha256;
        _algorithms = new HashSet<string>(StringComparer.Ordinal) { algorithm };
        _parameters = new TokenValidationParameters
        {
            // The accepted algorithms are the config's, never the token header's.
            ValidAlgorithms = _algorithms,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(config.Secret)),
            ValidateIssuer = config.Issuer is not null,
            ValidIssuer = config.Issuer,
            ValidateAudience = config.Audience is not null,
            ValidAudience = config.Audience,
            // Time claims are checked by LifetimeCheck, against the gateway's TimeProvider.
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
        };
        _lifetime = new LifetimeCheck(timeProvider, TimeSpan.Zero, requireExpiration: true);
    }

    public async ValueTask<AuthorizationOutcome> AuthorizeAsync(HttpRequest request)
    {
        var token = BearerToken.FromHeader(request);
        if (token is null)
        {
            return AuthorizationOutcome.Failure(GatewayErrors.TokenMissing,
                "no 'Authorization: Bearer <token>' header", tokenPresented: false);
        }

        return await ValidateAsync(token);
    }

    public async ValueTask<AuthorizationOutcome> ValidateAsync(string token)
    {
        if (!JwtShape.TryParse(token, out var header, out var payload, out var shapeError, out var shapeReason))
        {
            return AuthorizationOutcome.Failure(shapeError!, shapeReason!);
        }

        var alg = header.TryGetProperty("alg", out var algValue) && algValue.ValueKind == JsonValueKind.String
            ? algValue.GetString()!
            : null;
        if (alg is null || !_algorithms.Contains(alg))
        {
            return AuthorizationOutcome.Failure(GatewayErrors.AlgorithmNotAllowed,
                alg is null ? "the token header has no 'alg'" : $"the token's algorithm '{alg}' is not one the authorizer accepts");
        }

        var result = await Handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid)
        {
            return AuthorizationOutcome.Failure(JwtErrorMap.ToError(result.Exception), JwtErrorMap.Describe(result.Exception));
        }

        // After the signature and the issuer and audience, as jose orders its checks.
        return _lifetime.TryCheck(payload, out var error, out var reason)
            ? AuthorizationOutcome.Success(payload)
            : AuthorizationOutcome.Failure(error!, reason!);
    }
}
