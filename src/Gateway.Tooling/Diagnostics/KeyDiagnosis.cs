using System.Text;
using System.Text.Json;
using FunctionGateway.Authorization;
using FunctionGateway.Configuration;
using FunctionGateway.Errors;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>The key and signature checks, on the authorizer's own key source and validation parameters.</summary>
internal static class KeyDiagnosis
{
    /// <summary>Where the keys come from, for the report's header line; a secret by its length and reference only.</summary>
    public static string Describe(AuthorizerConfig config, KeySet? keys, ExplainContext context)
    {
        if (config.Secret is { } secret)
        {
            var location = $"{config.Location}.secret";
            var reference = context.References.FirstOrDefault(r => r.Location == location);
            var from = reference is null
                ? "written literally in the config"
                : $"from ${(reference.Kind == ConfigReferenceKind.Secret ? "secret" : "env")}.{reference.Name} ({(reference.Kind == ConfigReferenceKind.Secret ? context.SecretSourceName : "app settings and environment variables")})";
            return $"secret, {Encoding.UTF8.GetByteCount(secret)} bytes, {from}";
        }

        var count = keys is { UnavailableReason: null } ? $", {keys.Keys.Count} key(s): {KeyIds(keys)}" : "";
        return config.Jwks is not null ? $"inline jwks{count}"
            : config.JwksUri is { } uri ? $"jwks_uri {Address(uri)}{count}"
            : $"discovery {Address(config.OpenIdConfigurationUri!)} (its jwks_uri){count}";
    }

    public static CheckResult CheckKey(JwtAuthorizer authorizer, KeySet keys, JsonElement header, ExplainContext context)
    {
        var config = authorizer.Config;
        var described = Describe(config, keys, context);
        if (authorizer.KeySource is OfflineKeySource offline)
        {
            return CheckResult.Skip("key", described, $"offline: the keys at {offline.Address} were not fetched");
        }

        if (keys.UnavailableReason is { } unavailable)
        {
            return CheckResult.Fail("key", described, unavailable, GatewayErrors.JwksInvalid);
        }

        if (!keys.SelectByKeyId)
        {
            return CheckResult.Pass("key", "the authorizer's secret", described);
        }

        if (!header.TryGetProperty("kid", out var kidValue) || kidValue.ValueKind != JsonValueKind.String)
        {
            return CheckResult.Pass("key", $"a key of the set ({KeyIds(keys)})", $"no 'kid' in the token: each of the {keys.Keys.Count} key(s) is tried");
        }

        var kid = kidValue.GetString()!;
        return keys.MayHaveKeyId(kid)
            ? CheckResult.Pass("key", $"a 'kid' of the set ({KeyIds(keys)})", $"kid \"{kid}\"")
            : CheckResult.Fail("key", $"a 'kid' of the set ({KeyIds(keys)})", $"kid \"{kid}\"", GatewayErrors.JwksNoMatchingKey,
                authorizer.KeySource is RemoteKeySource
                    ? "the set was fetched again for this kid and still lacks it: the provider rotated its keys and this token's key is not (or no longer) published, or the token comes from another provider"
                    : "the config's inline jwks lacks it: after a key rotation, update the jwks in the config (or its $secret)");
    }

    public static async Task<CheckResult> CheckSignatureAsync(JwtAuthorizer authorizer, KeySet keys, string token, CheckResult key)
    {
        if (key.Status != CheckStatus.Passed)
        {
            return CheckResult.Skip("signature", "verifies with the key", key.Status == CheckStatus.NotRun ? "offline: not run without the keys" : "no key to verify with");
        }

        // The engine's parameters, with issuer and audience left to their own checks below.
        var parameters = authorizer.ParametersFor(keys).Clone();
        parameters.ValidateIssuer = false;
        parameters.ValidateAudience = false;
        var result = await JwtAuthorizer.TokenHandler.ValidateTokenAsync(token, parameters);
        if (result.IsValid)
        {
            var kid = (result.SecurityToken as JsonWebToken)?.SigningKey?.KeyId;
            return CheckResult.Pass("signature", "verifies with the key", keys.SelectByKeyId ? $"verified with key \"{kid}\"" : "verified with the secret");
        }

        return CheckResult.Fail("signature", "verifies with the key", JwtErrorMap.Describe(result.Exception, default), JwtErrorMap.ToError(result.Exception),
            keys.SelectByKeyId ? null : "the token was signed with another secret: compare the secret with the one its issuer signs with (staging and production differ?)");
    }

    private static string KeyIds(KeySet keys) => string.Join(", ", keys.Keys.Select(k => string.IsNullOrEmpty(k.KeyId) ? "(no kid)" : k.KeyId));

    private static string Address(string uri) => uri.Split('?')[0];
}
