namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>How one check of <c>gateway explain</c> came out.</summary>
public enum CheckStatus
{
    Passed,
    Failed,

    /// <summary>The check could not run: the token could not be decoded, or its keys were not fetched (offline).</summary>
    NotRun,
}
