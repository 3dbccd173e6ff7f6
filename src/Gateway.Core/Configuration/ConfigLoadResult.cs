using FunctionGateway.Model;

namespace FunctionGateway.Configuration;

/// <summary>The outcome of loading one config version: a runtime ready to swap in, or the reasons there is none.</summary>
public sealed class ConfigLoadResult
{
    internal ConfigLoadResult(GatewayRuntime? runtime, IReadOnlyList<ConfigIssue> issues, IReadOnlyList<ConfigReference> references)
    {
        Runtime = runtime;
        Issues = issues;
        References = references;
    }

    /// <summary>Null when the config has errors.</summary>
    public GatewayRuntime? Runtime { get; }

    /// <summary>Every error and warning, in the order found.</summary>
    public IReadOnlyList<ConfigIssue> Issues { get; }

    /// <summary>The <c>$env</c> and <c>$secret</c> references the config holds, and whether each resolved.</summary>
    public IReadOnlyList<ConfigReference> References { get; }

    public IEnumerable<ConfigIssue> Errors => Issues.Where(i => i.Severity == ConfigSeverity.Error);

    public IEnumerable<ConfigIssue> Warnings => Issues.Where(i => i.Severity == ConfigSeverity.Warning);
}
