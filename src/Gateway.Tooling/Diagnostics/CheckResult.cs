using FunctionGateway.Errors;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>
/// One check of a request's token or claims, with what the config expects and what the request holds. Never a
/// secret or a raw token: a secret is described by its length and where it comes from.
/// </summary>
/// <param name="Name">The check, as the docs name it: <c>token source</c>, <c>algorithm</c>, <c>iss</c>, <c>exp</c>...</param>
/// <param name="Error">What the gateway answers when this is the first check that fails; null for a failure that does not refuse (a require_any rule when another matched).</param>
/// <param name="Note">A hint for a likely cause (a trailing slash, a case difference), or why the check did not run.</param>
public sealed record CheckResult(string Name, CheckStatus Status, string Expected, string Actual, GatewayError? Error = null, string? Note = null)
{
    public static CheckResult Pass(string name, string expected, string actual, string? note = null) =>
        new(name, CheckStatus.Passed, expected, actual, null, note);

    public static CheckResult Fail(string name, string expected, string actual, GatewayError error, string? note = null) =>
        new(name, CheckStatus.Failed, expected, actual, error, note);

    public static CheckResult Skip(string name, string expected, string why) =>
        new(name, CheckStatus.NotRun, expected, "-", null, why);
}
