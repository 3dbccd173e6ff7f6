using System.Globalization;
using System.Text.Json;
using FunctionGateway.Authorization;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>The <c>exp</c>, <c>nbf</c>, <c>iat</c> and lifetime checks, each by the engine's <see cref="LifetimeCheck"/>.</summary>
internal static class TimeDiagnosis
{
    public static IEnumerable<CheckResult> Check(LifetimeCheck lifetime, JsonElement payload)
    {
        var now = lifetime.Now;
        var skew = lifetime.ClockSkew;
        var minus = skew > TimeSpan.Zero ? $" (the clock minus {skew.TotalSeconds:F0} s of clock_skew_seconds)" : "";
        var plus = skew > TimeSpan.Zero ? $" (the clock plus {skew.TotalSeconds:F0} s of clock_skew_seconds)" : "";

        var expOk = lifetime.TryCheckExpiry(payload, now, out var exp, out var error, out var reason);
        var expExpected = $"{(lifetime.RequireExpiration ? "required" : "optional")}, later than {At(now - skew)}{minus}";
        yield return Result("exp", expOk, expExpected, Value(payload, "exp", exp, now), error, reason);

        var nbfOk = lifetime.TryCheckNotBefore(payload, now, out var nbf, out error, out reason);
        yield return Result("nbf", nbfOk, $"absent, or at or before {At(now + skew)}{plus}", Value(payload, "nbf", nbf, now), error, reason);

        var iatOk = lifetime.TryCheckIssuedAt(payload, now, out var iat, out error, out reason);
        yield return Result("iat", iatOk, $"absent, or at or before {At(now + skew)}{plus}", Value(payload, "iat", iat, now), error, reason);

        var start = nbf ?? iat;
        var lifeOk = lifetime.TryCheckMaxLifetime(exp, start, out error, out reason);
        var lifeExpected = lifetime.MaxLifetime is { } max ? $"at most {max.TotalSeconds:F0} s (max_lifetime_seconds)" : "no limit";
        var lifeActual = exp is { } e && start is { } s ? $"{(e - s).TotalSeconds:F0} s (exp - {(nbf is null ? "iat" : "nbf")})" : "(unknown: needs exp and nbf or iat)";
        yield return Result("lifetime", lifeOk, lifeExpected, lifeActual, error, reason);
    }

    private static CheckResult Result(string name, bool ok, string expected, string actual, FunctionGateway.Errors.GatewayError? error, string? reason) =>
        ok ? CheckResult.Pass(name, expected, actual) : CheckResult.Fail(name, expected, actual, error!, reason);

    private static string Value(JsonElement payload, string name, DateTimeOffset? time, DateTimeOffset now)
    {
        if (!payload.TryGetProperty(name, out var raw))
        {
            return "(none)";
        }

        return time is { } t ? $"{raw.GetRawText()} = {At(t)} ({Relative(t - now)})" : $"{raw.GetRawText()} (not a number of seconds)";
    }

    private static string Relative(TimeSpan offset)
    {
        var magnitude = offset.Duration();
        if (magnitude < TimeSpan.FromSeconds(1))
        {
            return "now";
        }

        var text = magnitude.TotalDays >= 2 ? $"{magnitude.TotalDays:F0} d"
            : magnitude.TotalHours >= 2 ? $"{magnitude.TotalHours:F0} h"
            : magnitude.TotalMinutes >= 2 ? $"{magnitude.TotalMinutes:F0} min"
            : $"{magnitude.TotalSeconds:F0} s";
        return offset < TimeSpan.Zero ? $"{text} ago" : $"in {text}";
    }

    public static string At(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
