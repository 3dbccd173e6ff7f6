using FunctionGateway.Model;
using FunctionGateway.Configuration;

namespace FunctionGateway.Engine;

/// <summary>The outcome of loading one config version: a runtime ready to swap in, or the reasons there is none.</summary>
public sealed class ConfigLoadResult
{
    private readonly ConfigCheck _check;
    private readonly Lazy<Task<IReadOnlyList<ConfigIssue>>> _laterWarnings;

    internal ConfigLoadResult(GatewayRuntime? runtime, ConfigCheck check)
    {
        Runtime = runtime;
        _check = check;
        _laterWarnings = new(() => check.LintsLater
            ? Task.Run(check.LaterWarnings)
            : Task.FromResult<IReadOnlyList<ConfigIssue>>([]));
    }

    /// <summary>Null when the config has errors.</summary>
    public GatewayRuntime? Runtime { get; }

    /// <summary>
    /// Every error and warning, in the order found; after <see cref="GatewayConfigLoader.LoadToServeAsync"/>,
    /// without the warnings of <see cref="LaterWarnings"/>.
    /// </summary>
    public IReadOnlyList<ConfigIssue> Issues => _check.Issues;

    /// <summary>The <c>$env</c> and <c>$secret</c> references the config holds, and whether each resolved.</summary>
    public IReadOnlyList<ConfigReference> References => _check.References;

    public IEnumerable<ConfigIssue> Errors => _check.Errors;

    public IEnumerable<ConfigIssue> Warnings => _check.Warnings;

    /// <summary>
    /// The warnings of the checks a load to serve leaves for later (route overlaps, declaration order, routes
    /// reachable without a token): computed on the thread pool on the first ask, once. They never decide
    /// whether the config is served. Empty for a load that ran every check.
    /// </summary>
    public Task<IReadOnlyList<ConfigIssue>> LaterWarnings => _laterWarnings.Value;
}
