using System.Text.Json.Nodes;
using FunctionGateway.Authorization;
using FunctionGateway.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>
/// Mints a token that an HMAC authorizer of the config accepts: its first algorithm, issuer and audience, signed with
/// the key the engine verifies with (<see cref="StaticKeySource.FromSecret"/>). For local testing only: it can mint
/// only for keys the config holds, never for an identity provider's.
/// </summary>
public static class TokenMinter
{
    /// <exception cref="DiagnosticInputException">No such authorizer, or one whose key the config does not hold.</exception>
    public static async Task<string> MintAsync(GatewayConfig config, TokenRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(request);
        var authorizer = Find(config, request.Authorizer);
        var name = authorizer.Name ?? "authorizer";
        if (authorizer.Secret is not { } secret)
        {
            var from = authorizer.Jwks is not null ? "an inline jwks (public keys only)"
                : authorizer.JwksUri is not null ? $"jwks_uri {authorizer.JwksUri.Split('?')[0]}"
                : $"discovery {authorizer.OpenIdConfigurationUri!.Split('?')[0]}";
            throw new DiagnosticInputException(
                $"authorizer '{name}' verifies {string.Join("/", authorizer.Algorithms)} tokens with keys from {from}; their private keys belong to " +
                "the identity provider, so 'gateway token' cannot mint for it. Get a token from the provider, or add an HS256 authorizer with a secret for local testing");
        }

        if (authorizer.MaxLifetimeSeconds is { } max && request.Lifetime > TimeSpan.FromSeconds(max))
        {
            throw new DiagnosticInputException($"--ttl {request.Lifetime.TotalSeconds:F0}s is longer than authorizer '{name}' allows (max_lifetime_seconds {max})");
        }

        var claims = new JsonObject();
        if (authorizer.Issuers.Count > 0)
        {
            claims["iss"] = authorizer.Issuers[0];
        }

        if (authorizer.Audiences.Count > 0)
        {
            claims["aud"] = authorizer.Audiences[0];
        }

        if ((request.Subject ?? authorizer.Subject) is { } subject)
        {
            claims["sub"] = subject;
        }

        claims["iat"] = now.ToUnixTimeSeconds();
        claims["exp"] = (now + request.Lifetime).ToUnixTimeSeconds();
        foreach (var (claim, value) in request.Claims)
        {
            claims[claim] = value?.DeepClone();
        }

        var keys = await StaticKeySource.FromSecret(secret).GetAsync(CancellationToken.None);
        var algorithm = JwtAlgorithms.Effective(authorizer.Algorithms)[0];
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(claims.ToJsonString(), new SigningCredentials(keys.Keys[0], algorithm));
    }

    private static AuthorizerConfig Find(GatewayConfig config, string? name)
    {
        var named = config.Authorizers.Select(a => a.Name!).ToList();
        var known = (config.Authorizer is null ? "" : "the default 'authorizer'" + (named.Count > 0 ? ", " : "")) + string.Join(", ", named.Select(n => $"'{n}'"));
        if (name is not null)
        {
            return (name == "authorizer" && config.Authorizer is not null ? config.Authorizer : config.Authorizers.FirstOrDefault(a => a.Name == name))
                ?? throw new DiagnosticInputException($"no authorizer named '{name}' in the config; it has {(known.Length == 0 ? "none" : known)}");
        }

        if (config.Authorizer is { } fallback)
        {
            return fallback;
        }

        return config.Authorizers.Count == 1 ? config.Authorizers[0]
            : throw new DiagnosticInputException(config.Authorizers.Count == 0
                ? "the config has no authorizer to mint a token for"
                : $"the config has several authorizers ({known}) and no default 'authorizer': pick one with --authorizer");
    }
}
