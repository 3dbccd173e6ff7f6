namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>
/// Everything <c>gateway explain</c> reports about one request. The <see cref="Answer"/> and <see cref="Verdict"/> come
/// from the engine's own match and authorize steps; the route candidates and checks explain them.
/// </summary>
public sealed record Explanation
{
    public required ExplainRequest Request { get; init; }

    /// <summary>The clock the time checks used.</summary>
    public required DateTimeOffset Clock { get; init; }

    /// <summary>The matched route, as the config writes it, with its <c>paths</c> index; null when none matched.</summary>
    public string? Route { get; init; }

    public int? RouteIndex { get; init; }

    /// <summary>Which authorizers the route uses, or null for a public route.</summary>
    public IReadOnlyList<string>? RouteAuthorizers { get; init; }

    /// <summary>What the route does once let through: a static response, or the server it is proxied to.</summary>
    public string? Integration { get; init; }

    /// <summary>The route's rate limit policies, in the order they are counted, each with whether the request carries its key.</summary>
    public IReadOnlyList<string> RateLimits { get; init; } = [];

    public IReadOnlyList<RouteCandidate> NearMisses { get; init; } = [];

    /// <summary>Where <see cref="ExplainRequest.Token"/> was placed, e.g. <c>'Authorization: Bearer' header</c>.</summary>
    public string? TokenPlacement { get; init; }

    public IReadOnlyList<AuthorizerReport> Authorizers { get; init; } = [];

    /// <summary>The route's claim rules, checked against the claims of the token that passed (or would).</summary>
    public IReadOnlyList<CheckResult> ClaimRules { get; init; } = [];

    public required EngineAnswer Answer { get; init; }

    public required ExplainVerdict Verdict { get; init; }

    /// <summary>False when <see cref="Answer"/> is not the gateway's exact response (keys not fetched offline).</summary>
    public bool AnswerIsExact { get; init; } = true;

    /// <summary>Where the check-by-check breakdown and the engine disagree; the engine's answer is the one the gateway sends.</summary>
    public IReadOnlyList<string> Disagreements { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];
}
