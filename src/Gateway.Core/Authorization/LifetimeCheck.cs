using System.Text.Json;
using FunctionGateway.Errors;

namespace FunctionGateway.Authorization;

/// <summary>
/// The token's time claims against the gateway's clock. Done here rather than by the validator so that the
/// clock is a <see cref="TimeProvider"/>: tests and <c>gateway explain --at</c> can set it. Each claim has its
/// own check so that <c>gateway explain</c> can report all of them with the engine's own rules.
/// </summary>
public sealed class LifetimeCheck(TimeProvider timeProvider, TimeSpan clockSkew, bool requireExpiration, TimeSpan? maxLifetime = null)
{
    public TimeSpan ClockSkew => clockSkew;

    public bool RequireExpiration => requireExpiration;

    public TimeSpan? MaxLifetime => maxLifetime;

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public bool TryCheck(JsonElement payload, out DateTimeOffset? expires, out GatewayError? error, out string? reason)
    {
        var now = timeProvider.GetUtcNow();
        expires = null;
        if (!TryCheckExpiry(payload, now, out var exp, out error, out reason)
            || !TryCheckNotBefore(payload, now, out var nbf, out error, out reason)
            || !TryCheckIssuedAt(payload, now, out var iat, out error, out reason)
            || !TryCheckMaxLifetime(exp, nbf ?? iat, out error, out reason))
        {
            return false;
        }

        expires = exp;
        return true;
    }

    public bool TryCheckExpiry(JsonElement payload, DateTimeOffset now, out DateTimeOffset? exp, out GatewayError? error, out string? reason)
    {
        if (!TryReadTime(payload, "exp", out exp))
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

        return Pass(out error, out reason);
    }

    public bool TryCheckNotBefore(JsonElement payload, DateTimeOffset now, out DateTimeOffset? nbf, out GatewayError? error, out string? reason)
    {
        if (!TryReadTime(payload, "nbf", out nbf))
        {
            return Fail("the token's 'nbf' is not a number of seconds", out error, out reason);
        }

        return nbf is { } notBefore && now + clockSkew < notBefore
            ? Fail($"the token is not valid before {notBefore:u} ('nbf'); the gateway's clock reads {now:u}", out error, out reason)
            : Pass(out error, out reason);
    }

    public bool TryCheckIssuedAt(JsonElement payload, DateTimeOffset now, out DateTimeOffset? iat, out GatewayError? error, out string? reason)
    {
        if (!TryReadTime(payload, "iat", out iat))
        {
            return Fail("the token's 'iat' is not a number of seconds", out error, out reason);
        }

        return iat is { } issued && now + clockSkew < issued
            ? Fail($"the token claims to be issued at {issued:u} ('iat'), after the gateway's clock ({now:u})", out error, out reason)
            : Pass(out error, out reason);
    }

    /// <summary>The lifetime limit: <c>exp</c> minus <paramref name="start"/> (<c>nbf</c>, else <c>iat</c>).</summary>
    public bool TryCheckMaxLifetime(DateTimeOffset? exp, DateTimeOffset? start, out GatewayError? error, out string? reason)
    {
        if (maxLifetime is not { } max)
        {
            return Pass(out error, out reason);
        }

        if (exp is null || start is null)
        {
            return Fail("the authorizer limits token lifetime (max_lifetime_seconds) and the token lacks 'exp' or both 'nbf' and 'iat'", out error, out reason);
        }

        var lifetime = exp.Value - start.Value;
        return lifetime > max
            ? Fail($"the token lives {lifetime.TotalSeconds:F0} seconds; the authorizer's max_lifetime_seconds is {max.TotalSeconds:F0}", out error, out reason)
            : Pass(out error, out reason);
    }

    /// <summary>Reads a NumericDate claim; false when present but not a number.</summary>
    public static bool TryReadTime(JsonElement payload, string name, out DateTimeOffset? value)
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

    private static bool Pass(out GatewayError? error, out string? reason)
    {
        error = null;
        reason = null;
        return true;
    }

    private static bool Fail(string why, out GatewayError? error, out string? reason)
    {
        error = GatewayErrors.ClaimValidationFailed;
        reason = why;
        return false;
    }
}
