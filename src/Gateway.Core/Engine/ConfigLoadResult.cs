using FunctionGateway.Model;
using FunctionGateway.Configuration;

namespace FunctionGateway.Engine;

/// <summary>The outcome of loading one config version: a runtime ready to swap in, or the reasons there is none.</summary>
public sealed class ConfigLoadResult
{
    private readonly ConfigCheck _check;

    internal ConfigLoadResult(GatewayRuntime? runtime, ConfigCheck check)
    {
        Runtime = runtime;
        _check = check;
    }

    /// <summary>Null when the config has errors.</summary>
    public GatewayRuntime? Runtime { get; }

    /// <summary>Every error and warning, in the order found.</summary>
    public IReadOnlyList<ConfigIssue> Issues => _check.Issues;

    /// <summary>The <c>$env</c> and <c>$secret</c> references the config holds, and whether each resolved.</summary>
    public IReadOnlyList<ConfigReference> References => _check.References;

    public IEnumerable<ConfigIssue> Errors => _check.Errors;

    public IEnumerable<ConfigIssue> Warnings => _check.Warnings;
}
