using System.Text.Json;
using FunctionGateway.Errors;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Authorization;

/// <summary>The one table from Microsoft.IdentityModel's validation failures to the gateway's error codes.</summary>
internal static class JwtErrorMap
{
    public static GatewayError ToError(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => GatewayErrors.TokenExpired,
        SecurityTokenNotYetValidException => GatewayErrors.ClaimValidationFailed,
        SecurityTokenNoExpirationException => GatewayErrors.ClaimValidationFailed,
        SecurityTokenInvalidLifetimeException => GatewayErrors.ClaimValidationFailed,
        SecurityTokenInvalidIssuerException => GatewayErrors.ClaimValidationFailed,
        SecurityTokenInvalidAudienceException => GatewayErrors.ClaimValidationFailed,
        SecurityTokenInvalidAlgorithmException => GatewayErrors.AlgorithmNotAllowed,
        SecurityTokenSignatureKeyNotFoundException => GatewayErrors.SignatureVerificationFailed,
        SecurityTokenInvalidSignatureException => GatewayErrors.SignatureVerificationFailed,
        SecurityTokenDecryptionFailedException => GatewayErrors.JweDecryptionFailed,
        SecurityTokenMalformedException => GatewayErrors.JwsInvalid,
        _ => GatewayErrors.AuthFailed,
    };

    /// <summary>Which check failed, in words; never the token, the key or the configured secret.</summary>
    /// <param name="payload">The token's claims, for what the exception leaves out (IdentityModel does not always fill in the audience).</param>
    public static string Describe(Exception? exception, JsonElement payload = default) => exception switch
    {
        SecurityTokenExpiredException e => $"the token expired at {e.Expires:u}",
        SecurityTokenNotYetValidException e => $"the token is not valid before {e.NotBefore:u} ('nbf')",
        SecurityTokenNoExpirationException => "the token has no 'exp' claim and the authorizer requires one",
        SecurityTokenInvalidLifetimeException => "the token's 'nbf'/'exp' are not a valid lifetime",
        SecurityTokenInvalidIssuerException e => $"the token's 'iss' \"{ReasonText.Quote(e.InvalidIssuer)}\" is not one of the authorizer's issuers",
        SecurityTokenInvalidAudienceException e => Audience(e, payload) is { Length: > 0 } audience
            ? $"the token's 'aud' \"{ReasonText.Quote(audience)}\" is not one of the authorizer's audiences"
            : "the token has no 'aud' claim; the authorizer requires one of its audiences",
        SecurityTokenInvalidAlgorithmException e => $"the token's algorithm '{ReasonText.Quote(e.InvalidAlgorithm)}' is not accepted",
        SecurityTokenSignatureKeyNotFoundException => "no key of the authorizer verifies the token's signature",
        SecurityTokenInvalidSignatureException => "the signature does not match the authorizer's key",
        null => "the token was not accepted",
        _ => $"the token was not accepted ({exception.GetType().Name})",
    };

    // The token's own claim when we have it: IdentityModel leaves InvalidAudience empty, or "empty" for a token without 'aud'.
    private static string Audience(SecurityTokenInvalidAudienceException exception, JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return exception.InvalidAudience ?? "";
        }

        if (!payload.TryGetProperty("aud", out var aud))
        {
            return "";
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => aud.GetString()!,
            JsonValueKind.Array => string.Join(", ", aud.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : a.GetRawText())),
            _ => aud.GetRawText(),
        };
    }
}
