namespace FunctionGateway.Configuration;

/// <summary>A claim the token must carry with one of the listed values.</summary>
public sealed record ClaimRuleConfig
{
    public required string Claim { get; init; }

    /// <summary>The accepted values; numbers and booleans are kept as their JSON text.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
}
