namespace FunctionGateway.Configuration;

/// <summary>A config read and validated without building a runtime: what the loader checks and the tools report.</summary>
public sealed class ConfigCheck
{
    internal ConfigCheck(GatewayConfig? config, IReadOnlyList<ConfigIssue> issues, IReadOnlyList<ConfigReference> references, bool referencesResolved)
    {
        Config = config;
        Issues = issues;
        References = references;
        ReferencesResolved = referencesResolved;
    }

    /// <summary>The model read from the config; null only when the text is not a JSON object.</summary>
    public GatewayConfig? Config { get; }

    /// <summary>Every error and warning, in the order found.</summary>
    public IReadOnlyList<ConfigIssue> Issues { get; }

    /// <summary>The <c>$env</c> and <c>$secret</c> references the config holds, in the order found.</summary>
    public IReadOnlyList<ConfigReference> References { get; }

    /// <summary>False when references were left as written: their <see cref="ConfigReference.Resolved"/> is then false and means "not tried".</summary>
    public bool ReferencesResolved { get; }

    public IEnumerable<ConfigIssue> Errors => Issues.Where(i => i.Severity == ConfigSeverity.Error);

    public IEnumerable<ConfigIssue> Warnings => Issues.Where(i => i.Severity == ConfigSeverity.Warning);

    public bool IsValid => Config is not null && !Errors.Any();
}
