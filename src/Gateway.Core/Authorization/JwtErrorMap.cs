using System.Text.Json;
using FunctionGateway.Errors;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Authorization;

/// <summary>
/// The one table from Microsoft.IdentityModel's validation failures to the gateway's error codes. It holds
/// only what the validator can still report: the structure, header, algorithm, key id and time claims are
/// checked before it (<see cref="JwtShape"/>, <see cref="JwtHeaderCheck"/>, <see cref="LifetimeCheck"/>), with
/// their own codes; anything else it reports is <see cref="GatewayErrors.AuthFailed"/>.
/// </summary>
public static class JwtErrorMap
{
    /// <summary>The rows, tried in order.</summary>
    public static IReadOnlyList<(Type Exception, GatewayError Error)> Rows { get; } =
    [
        (typeof(SecurityTokenInvalidIssuerException), GatewayErrors.ClaimValidationFailed),
        (typeof(SecurityTokenInvalidAudienceException), GatewayErrors.ClaimValidationFailed),
        // With several keys to try, the validator reports a token no key verifies as "key not found".
        (typeof(SecurityTokenSignatureKeyNotFoundException), GatewayErrors.SignatureVerificationFailed),
        (typeof(SecurityTokenInvalidSignatureException), GatewayErrors.SignatureVerificationFailed),
    ];

    public const string NoKeyVerifies = "no key of the authorizer verifies the token's signature";

    public const string SignatureMismatch = "the signature does not match the authorizer's key";

    /// <summary>Whether a row covers this failure; the others are failures to read the token at all.</summary>
    public static bool IsMapped(Exception? exception) => Rows.Any(row => row.Exception.IsInstanceOfType(exception));

    public static GatewayError ToError(Exception? exception)
    {
        foreach (var (type, error) in Rows)
        {
            if (type.IsInstanceOfType(exception))
            {
                return error;
            }
        }

        return GatewayErrors.AuthFailed;
    }

    /// <summary>Which check failed, in words; never the token, the key or the configured secret.</summary>
    /// <param name="exception">The validator's failure.</param>
    /// <param name="payload">The token's claims, for what the validator's exception does not carry.</param>
    public static string Describe(Exception? exception, JsonElement payload) => exception switch
    {
        SecurityTokenInvalidIssuerException e => $"the token's 'iss'{Value(e.InvalidIssuer)} is not one of the authorizer's issuers",
        // The validator's exception does not say which audience it refused: the payload does.
        SecurityTokenInvalidAudienceException => Audience(payload) is { Length: > 0 } audience
            ? $"the token's 'aud' \"{ReasonText.Quote(audience)}\" is not one of the authorizer's audiences"
            : "the token has no 'aud' claim; the authorizer requires one of its audiences",
        SecurityTokenSignatureKeyNotFoundException => NoKeyVerifies,
        SecurityTokenInvalidSignatureException => SignatureMismatch,
        // Never the exception's type or message: the reason goes to the client in WWW-Authenticate.
        _ => "the token was not accepted",
    };

    private static string Value(string? value) => string.IsNullOrEmpty(value) ? "" : $" \"{ReasonText.Quote(value)}\"";

    private static string? Audience(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("aud", out var aud)
            ? aud.ValueKind switch
            {
                JsonValueKind.String => aud.GetString(),
                JsonValueKind.Array => string.Join(", ", aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString())),
                _ => null,
            }
            : null;
}
