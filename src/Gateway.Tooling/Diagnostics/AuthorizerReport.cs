using System.Text.Json;
using FunctionGateway.Errors;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>One authorizer of the matched route: its checks in the engine's order, and what the engine itself decided.</summary>
public sealed record AuthorizerReport
{
    public required string Name { get; init; }

    /// <summary>Algorithms and where the keys come from, e.g. <c>HS256, secret</c> or <c>RS256, jwks_uri https://idp/keys</c>.</summary>
    public required string Summary { get; init; }

    /// <summary>The decoded token header, when the token could be decoded.</summary>
    public JsonElement? TokenHeader { get; init; }

    /// <summary>The decoded token claims, when the token could be decoded.</summary>
    public JsonElement? TokenClaims { get; init; }

    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>True when the keys are remote and were not fetched (offline), so the engine's answer is not the gateway's.</summary>
    public bool KeysNotFetched { get; init; }

    /// <summary>The engine's own answer for this authorizer: null when it accepted the token.</summary>
    public GatewayError? EngineError { get; init; }

    public string? EngineReason { get; init; }

    /// <summary>The error of the first failing check: what the breakdown predicts; null when every check passed or could not run.</summary>
    public GatewayError? Predicted => Checks.FirstOrDefault(c => c.Error is not null)?.Error;

    public bool AnyNotRun => Checks.Any(c => c.Status == CheckStatus.NotRun);
}
