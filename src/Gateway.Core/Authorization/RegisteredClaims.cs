using System.Globalization;
using System.Text.Json;

namespace FunctionGateway.Authorization;

/// <summary>
/// The types RFC 7519 section 4.1 gives the registered claims: <c>iss</c>, <c>sub</c> and <c>jti</c> are strings
/// (and OpenID Connect's <c>azp</c>, which the token library reads too),
/// <c>aud</c> a string or an array of strings, <c>exp</c>, <c>nbf</c> and <c>iat</c> NumericDates. Checked once the
/// signature holds, so that a forged token is refused as forged whatever its payload says, and a signed one with a
/// claim of the wrong type is refused naming that claim.
/// </summary>
public static class RegisteredClaims
{
    /// <summary>The largest NumericDate a <see cref="DateTimeOffset"/> holds: 9999-12-31T23:59:59Z.</summary>
    public const double MaxNumericDate = 253402300799;

    private static readonly string[] Strings = ["iss", "sub", "jti", "azp"];

    private static readonly string[] Times = ["exp", "nbf", "iat"];

    /// <summary>Why a registered claim is malformed, naming it; null when all of them are well-formed or absent.</summary>
    public static string? Problem(JsonElement payload)
    {
        foreach (var name in Strings)
        {
            if (payload.TryGetProperty(name, out var claim) && claim.ValueKind != JsonValueKind.String)
            {
                return $"the token's '{name}' is {Describe(claim)}, not a string";
            }
        }

        if (payload.TryGetProperty("aud", out var aud) && aud.ValueKind != JsonValueKind.String
            && (aud.ValueKind != JsonValueKind.Array || aud.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String)))
        {
            return $"the token's 'aud' is {Describe(aud)}, not a string or an array of strings (RFC 7519 4.1.3)";
        }

        foreach (var name in Times)
        {
            if (payload.TryGetProperty(name, out var claim) && TimeProblem(claim) is { } problem)
            {
                return $"the token's '{name}' {problem}";
            }
        }

        return null;
    }

    /// <summary>Why a time claim is not a NumericDate the gateway can compare; null when it is one.</summary>
    public static string? TimeProblem(JsonElement claim)
    {
        if (claim.ValueKind != JsonValueKind.Number)
        {
            return $"is {Describe(claim)}, not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z)";
        }

        return claim.TryGetDouble(out var seconds) && seconds is >= 0 and <= MaxNumericDate
            ? null
            : $"is {ReasonText.Quote(claim.GetRawText())}, outside the NumericDate range the gateway accepts (0 to {MaxNumericDate.ToString(CultureInfo.InvariantCulture)}, the end of year 9999)";
    }

    private static string Describe(JsonElement claim) => claim.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };
}
