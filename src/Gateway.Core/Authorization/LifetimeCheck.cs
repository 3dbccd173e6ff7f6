using System.Text.Json;
using FunctionGateway.Errors;

namespace FunctionGateway.Authorization;

/// <summary>
/// The token's time claims against the gateway's clock. Done here rather than by the validator so that the
/// clock is a <see cref="TimeProvider"/>: tests and <c>gateway explain --at</c> can set it.
/// </summary>
internal sealed class LifetimeCheck(TimeProvider timeProvider, TimeSpan clockSkew, bool requireExpiration)
{
    public bool TryCheck(JsonElement payload, out GatewayError? error, out string? reason)
    {
        var now = timeProvider.GetUtcNow();
        error = null;
        reason = null;

        if (!TryReadTime(payload, "exp", out var exp, out _))
        {
            return Fail(GatewayErrors.ClaimValidationFailed, "the token's 'exp' is not a number of seconds", out error, out reason);
        }

        if (exp is null && requireExpiration)
        {
            return Fail(GatewayErrors.ClaimValidationFailed, "the token has no 'exp' claim and the authorizer requires one", out error, out reason);
        }

        if (exp is { } expires && now >= expires + clockSkew)
        {
            return Fail(GatewayErrors.TokenExpired, $"the token expired at {expires:u}; the gateway's clock reads {now:u}", out error, out reason);
        }

        if (!TryReadTime(payload, "nbf", out var nbf, out _) || (nbf is { } notBefore && now + clockSkew < notBefore))
        {
            return Fail(GatewayErrors.ClaimValidationFailed,
                nbf is null ? "the token's 'nbf' is not a number of seconds" : $"the token is not valid before {nbf:u} ('nbf'); the gateway's clock reads {now:u}",
                out error, out reason);
        }

        return true;
    }

    /// <summary>Reads a NumericDate claim; false when present but not a number.</summary>
    private static bool TryReadTime(JsonElement payload, string name, out DateTimeOffset? value, out bool present)
    {
        value = null;
        present = payload.TryGetProperty(name, out var claim);
        if (!present)
        {
            return true;
        }

        if (claim.ValueKind != JsonValueKind.Number || !claim.TryGetDouble(out var seconds) || double.IsNaN(seconds)
            || seconds < 0 || seconds > 253402300799)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        return true;
    }

    private static bool Fail(GatewayError code, string why, out GatewayError? error, out string? reason)
    {
        error = code;
        reason = why;
        return false;
    }
}
