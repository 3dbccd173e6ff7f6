using FunctionGateway.Authorization;
using FunctionGateway.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>
/// Every check one authorizer makes, in the engine's order, each with its expected and actual value. Unlike the
/// engine it does not stop at the first failure, so that a token that is both expired and for another audience
/// shows both; the first failure is what the engine answers.
/// </summary>
internal static class AuthorizerDiagnosis
{
    public static async Task<AuthorizerReport> RunAsync(JwtAuthorizer authorizer, HttpRequest request, ExplainContext context, CancellationToken cancellationToken)
    {
        // The engine's own verdict for this authorizer, on the same request: it fetches remote keys as the gateway does.
        var engine = await authorizer.AuthorizeAsync(request);
        var keys = await authorizer.KeySource.GetAsync(cancellationToken);
        var config = authorizer.Config;
        var report = new AuthorizerReport
        {
            Name = authorizer.Name,
            Summary = $"{string.Join(", ", authorizer.Algorithms)}; key: {KeyDiagnosis.Describe(config, keys, context)}",
            Checks = [],
            KeysNotFetched = authorizer.KeySource is OfflineKeySource,
            EngineError = engine.Error,
            EngineReason = engine.Reason,
        };

        var checks = new List<CheckResult> { SourceDiagnosis.Check(authorizer, request, out var token) };
        if (token is null)
        {
            return report with { Checks = checks };
        }

        if (!JwtShape.TryParse(token, out var header, out var payload, out var shapeError, out var shapeReason))
        {
            checks.Add(CheckResult.Fail("token format", "a signed JWT: three base64url parts, JSON header and payload", shapeReason!, shapeError!));
            return report with { Checks = checks };
        }

        checks.Add(CheckResult.Pass("token format", "a signed JWT", "three parts, JSON header and payload"));
        var algorithms = string.Join(", ", authorizer.Algorithms);
        var alg = header.TryGetProperty("alg", out var algValue) ? algValue.ToString() : "(none)";
        checks.Add(JwtHeaderCheck.Check(header, authorizer.Algorithms) is { } headerFailure
            ? CheckResult.Fail("algorithm", $"one of {algorithms}", alg, headerFailure.Error!, headerFailure.Reason)
            : CheckResult.Pass("algorithm", $"one of {algorithms}", alg));

        var key = KeyDiagnosis.CheckKey(authorizer, keys, header, context);
        checks.Add(key);
        checks.Add(await KeyDiagnosis.CheckSignatureAsync(authorizer, keys, token, key));

        var jwt = new JsonWebToken(token);
        checks.Add(ClaimDiagnosis.CheckIssuer(authorizer, keys, jwt));
        checks.Add(ClaimDiagnosis.CheckAudience(authorizer, keys, jwt));
        checks.Add(ClaimDiagnosis.CheckSubject(authorizer, payload));
        checks.AddRange(TimeDiagnosis.Check(authorizer.Lifetime, payload));
        return report with { Checks = checks, TokenHeader = header, TokenClaims = payload };
    }

    /// <summary>Where the breakdown and the engine disagree for this authorizer, in words; null when they agree.</summary>
    public static string? Disagreement(AuthorizerReport report)
    {
        if (report.KeysNotFetched || (report.Predicted is null && report.AnyNotRun))
        {
            return null;
        }

        var predicted = report.Predicted;
        var engine = report.EngineError;
        if (ReferenceEquals(predicted, engine) || (predicted is not null && engine is not null && predicted.Code == engine.Code && predicted.Status == engine.Status))
        {
            return null;
        }

        return $"authorizer '{report.Name}': the checks below predict {Show(predicted)}, but the engine answered {Show(engine)}"
            + (report.EngineReason is { } reason ? $" ({reason})" : "");
    }

    private static string Show(GatewayError? error) => error is null ? "acceptance" : $"{error.Status} {error.Code}";
}
