using System.Text.Json;
using FunctionGateway.Authorization;
using FunctionGateway.Errors;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>
/// The <c>iss</c>, <c>aud</c> and <c>sub</c> checks. Issuer and audience run Microsoft.IdentityModel's own validators
/// with the engine's validation parameters, so they compare exactly as a request's validation does.
/// </summary>
internal static class ClaimDiagnosis
{
    public static CheckResult CheckIssuer(JwtAuthorizer authorizer, KeySet keys, JsonWebToken jwt)
    {
        var parameters = authorizer.ParametersFor(keys);
        var actual = Show(jwt.Issuer);
        if (authorizer.KeySource is OfflineKeySource && authorizer.Config.Issuers.Count == 0 && authorizer.Config.OpenIdConfigurationUri is not null)
        {
            return CheckResult.Skip("iss", "the discovery document's issuer", "offline: the discovery document was not fetched");
        }

        if (!parameters.ValidateIssuer)
        {
            return CheckResult.Pass("iss", "any issuer (no issuer configured)", actual);
        }

        var expected = OneOf(parameters.ValidIssuers);
        try
        {
            Validators.ValidateIssuer(jwt.Issuer, jwt, parameters);
            return CheckResult.Pass("iss", expected, actual);
        }
        catch (SecurityTokenException e)
        {
            return CheckResult.Fail("iss", expected, actual, JwtErrorMap.ToError(e), ValueHints.NearMiss(jwt.Issuer, parameters.ValidIssuers));
        }
    }

    public static CheckResult CheckAudience(JwtAuthorizer authorizer, KeySet keys, JsonWebToken jwt)
    {
        var parameters = authorizer.ParametersFor(keys);
        var audiences = jwt.Audiences.ToList();
        var actual = audiences.Count == 0 ? "(none)" : string.Join(", ", audiences.Select(Show));
        if (!parameters.ValidateAudience)
        {
            return CheckResult.Pass("aud", "any audience (no audience configured)", actual);
        }

        var expected = OneOf(parameters.ValidAudiences);
        try
        {
            Validators.ValidateAudience(audiences, jwt, parameters);
            return CheckResult.Pass("aud", expected, actual);
        }
        catch (SecurityTokenException e)
        {
            var hint = audiences.Select(a => ValueHints.NearMiss(a, parameters.ValidAudiences)).FirstOrDefault(h => h is not null);
            return CheckResult.Fail("aud", expected, actual, JwtErrorMap.ToError(e), hint);
        }
    }

    public static CheckResult CheckSubject(JwtAuthorizer authorizer, JsonElement payload)
    {
        var sub = payload.TryGetProperty("sub", out var value) ? value : default;
        var actual = sub.ValueKind == JsonValueKind.Undefined ? "(none)" : sub.ValueKind == JsonValueKind.String ? Show(sub.GetString()) : sub.GetRawText();
        if (authorizer.Config.Subject is not { } subject)
        {
            return CheckResult.Pass("sub", "any subject (no subject configured)", actual);
        }

        // As the engine compares it: a string claim equal to the configured subject.
        return sub.ValueKind == JsonValueKind.String && sub.ValueEquals(subject)
            ? CheckResult.Pass("sub", Show(subject), actual)
            : CheckResult.Fail("sub", Show(subject), actual, GatewayErrors.ClaimValidationFailed);
    }

    private static string OneOf(IEnumerable<string> values)
    {
        var list = values.Select(Show).ToList();
        return list.Count == 1 ? list[0] : $"one of {string.Join(", ", list)}";
    }

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(none)" : $"\"{value}\"";
}
