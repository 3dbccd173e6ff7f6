using FunctionGateway.Tooling.Diagnostics;
using FunctionGateway.Errors;

namespace FunctionGateway.Tooling.Tests.Diagnostics;

public class DisagreementTests
{
    private static AuthorizerReport Report(GatewayError? predicted, GatewayError? engine) => new()
    {
        Name = "partners",
        Summary = "HS256",
        Checks = predicted is null
            ? [CheckResult.Pass("exp", "later than now", "in 1 h")]
            : [CheckResult.Fail("exp", "later than now", "1 h ago", predicted)],
        EngineError = engine,
        EngineReason = engine is null ? null : "the engine's reason",
    };

    [Fact]
    public void Disagreement_BreakdownPredictsAcceptanceEngineRefuses_SaysBoth()
    {
        var text = Diagnose(Report(null, GatewayErrors.TokenExpired));

        Assert.Equal("authorizer 'partners': the checks below predict acceptance, but the engine answered 401 ERR_JWT_EXPIRED (the engine's reason)", text);
    }

    [Fact]
    public void Disagreement_DifferentCodes_SaysBoth()
    {
        var text = Diagnose(Report(GatewayErrors.ClaimValidationFailed, GatewayErrors.TokenExpired));

        Assert.Equal("authorizer 'partners': the checks below predict 401 ERR_JWT_CLAIM_VALIDATION_FAILED, but the engine answered 401 ERR_JWT_EXPIRED (the engine's reason)", text);
    }

    [Fact]
    public void Disagreement_SameCode_None()
    {
        Assert.Null(Diagnose(Report(GatewayErrors.TokenExpired, GatewayErrors.TokenExpired)));
        Assert.Null(Diagnose(Report(null, null)));
    }

    private static string? Diagnose(AuthorizerReport report) => AuthorizerDiagnosis.Disagreement(report);
}
