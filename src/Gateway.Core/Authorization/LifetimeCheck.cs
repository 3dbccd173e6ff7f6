using System.Text.Json;
using FunctionGateway.Errors;

namespace FunctionGateway.Authorization;

/// <summary>
/// The token's time claims against the gateway's clock. Done here rather than by the validator so that the
/// clock is a <see cref="TimeProvider"/>: tests and <c>gateway explain --at</c> can set it.
/// </summary>
internal sealed class LifetimeCheck(TimeProvider timeProvider, TimeSpan clockSkew, bool requireExpiration, TimeSpan? maxLifetime = null)
{
    public bool TryCheck(JsonElement payload, out DateTimeOffset? expires, out GatewayError? error, out string? reason)
    {
        var now = timeProvider.GetUtcNow();
        expires = null;
        error = null;
        reason = null;

        if (!TryReadTime(payload, "exp", out var exp))
        {
            return Fail("the token's 'exp' is not a number of seconds", out error, out reason);
        }

        if (exp is null && requireExpiration)
        {
            return Fail("the token has no 'exp' claim and the authorizer requires one", out error, out reason);
        }

        if (exp is { } expiry && now >= expiry + clockSkew)
        {
            error = GatewayErrors.TokenExpired;
            reason = $"the token expired at {expiry:u}; the gateway's clock reads {now:u}";
            return false;
        }

        if (!TryReadTime(payload, "nbf", out var nbf))
        {
            return Fail("the token's 'nbf' is not a number of seconds", out error, out reason);
        }

        if (nbf is { } notBefore && now + clockSkew < notBefore)
        {
            return Fail($"the token is not valid before {notBefore:u} ('nbf'); the gateway's clock reads {now:u}", out error, out reason);
        }

        if (!TryReadTime(payload, "iat", out var iat))
        {
            return Fail("the token's 'iat' is not a number of seconds", out error, out reason);
        }

        if (iat is { } issued && now + clockSkew < issued)
        {
            return Fail($"the token claims to be issued at {issued:u} ('iat'), after the gateway's clock ({now:u})", out error, out reason);
        }

        if (maxLifetime is { } max && !WithinMaxLifetime(exp, nbf ?? iat, max, out reason))
        {
            error = GatewayErrors.ClaimValidationFailed;
            return false;
        }

        expires = exp;
        return true;
    }

    private static bool WithinMaxLifetime(DateTimeOffset? exp, DateTimeOffset? start, TimeSpan max, out string? reason)
    {
        reason = null;
        if (exp is null || start is null)
        {
            reason = "the authorizer limits token lifetime (max_lifetime_seconds) and the token lacks 'exp' or both 'nbf' and 'iat'";
            return false;
        }

        var lifetime = exp.Value - start.Value;
        if (lifetime > max)
        {
            reason = $"the token lives {lifetime.TotalSeconds:F0} seconds; the authorizer's max_lifetime_seconds is {max.TotalSeconds:F0}";
            return false;
        }

        return true;
    }

    /// <summary>Reads a NumericDate claim; false when present but not a number.</summary>
    private static bool TryReadTime(JsonElement payload, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!payload.TryGetProperty(name, out var claim))
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

    private static bool Fail(string why, out GatewayError? error, out string? reason)
    {
        error = GatewayErrors.ClaimValidationFailed;
        reason = why;
        return false;
    }
}
