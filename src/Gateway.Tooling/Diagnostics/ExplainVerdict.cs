namespace FunctionGateway.Tooling.Diagnostics;

public enum ExplainVerdict
{
    /// <summary>The gateway would pass the request to the route's integration (or answer a CORS preflight).</summary>
    Allowed,

    Refused,

    /// <summary>The answer depends on checks that could not run (keys not fetched offline).</summary>
    Undetermined,
}
