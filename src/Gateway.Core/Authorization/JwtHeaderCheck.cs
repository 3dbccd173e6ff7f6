using System.Text.Json;
using FunctionGateway.Errors;

namespace FunctionGateway.Authorization;

/// <summary>The checks on a token's header made before any key is looked up.</summary>
public static class JwtHeaderCheck
{
    /// <summary>
    /// What the header may ask for. Its <c>alg</c> must be one the config accepts; <c>crit</c> names extensions the
    /// gateway does not implement (RFC 7515 4.1.11); <c>jku</c>, <c>x5u</c>, <c>jwk</c> and <c>x5c</c> are never read.
    /// </summary>
    public static AuthorizationOutcome? Check(JsonElement header, IReadOnlySet<string> algorithms)
    {
        var alg = header.TryGetProperty("alg", out var algValue) && algValue.ValueKind == JsonValueKind.String
            ? algValue.GetString()!
            : null;
        if (alg is null || !algorithms.Contains(alg))
        {
            return AuthorizationOutcome.Failure(GatewayErrors.AlgorithmNotAllowed, alg is null
                ? "the token header has no 'alg'"
                : $"the token's algorithm \"{ReasonText.Quote(alg)}\" is not one the authorizer accepts ({string.Join(", ", algorithms)})");
        }

        if (header.TryGetProperty("crit", out _))
        {
            return AuthorizationOutcome.Failure(GatewayErrors.JwsInvalid,
                "the token header's 'crit' names extensions the gateway does not support");
        }

        if (header.TryGetProperty("kid", out var kid) && kid.ValueKind != JsonValueKind.String)
        {
            return AuthorizationOutcome.Failure(GatewayErrors.JwsInvalid, "the token header's 'kid' is not a string");
        }

        return null;
    }
}
