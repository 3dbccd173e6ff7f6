namespace FunctionGateway.Configuration;

/// <summary>A path's claim rules, checked after the token is accepted: all of <c>require_all</c> and one of <c>require_any</c>.</summary>
public sealed record AuthorizationConfig
{
    public IReadOnlyList<ClaimRuleConfig> RequireAll { get; init; } = [];

    public IReadOnlyList<ClaimRuleConfig> RequireAny { get; init; } = [];
}
