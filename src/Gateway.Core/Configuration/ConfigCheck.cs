namespace FunctionGateway.Configuration;

/// <summary>A config read and validated without building a runtime: what the loader checks and the tools report.</summary>
public sealed class ConfigCheck
{
    private readonly Func<IReadOnlyList<ConfigIssue>>? _lint;

    internal ConfigCheck(GatewayConfig? config, IReadOnlyList<ConfigIssue> issues, IReadOnlyList<ConfigReference> references, bool referencesResolved,
        Func<IReadOnlyList<ConfigIssue>>? lint = null)
    {
        _lint = lint;
        Config = config;
        Issues = issues;
        References = references;
        ReferencesResolved = referencesResolved;
    }

    /// <summary>The model read from the config; null only when the text is not a JSON object.</summary>
    public GatewayConfig? Config { get; }

    /// <summary>Every error and warning found, in the order found; without the lint rules' warnings when they were left for later.</summary>
    public IReadOnlyList<ConfigIssue> Issues { get; }

    /// <summary>The <c>$env</c> and <c>$secret</c> references the config holds, in the order found.</summary>
    public IReadOnlyList<ConfigReference> References { get; }

    /// <summary>False when references were left as written: their <see cref="ConfigReference.Resolved"/> is then false and means "not tried".</summary>
    public bool ReferencesResolved { get; }

    public IEnumerable<ConfigIssue> Errors => Issues.Where(i => i.Severity == ConfigSeverity.Error);

    public IEnumerable<ConfigIssue> Warnings => Issues.Where(i => i.Severity == ConfigSeverity.Warning);

    public bool IsValid => Config is not null && !Errors.Any();

    /// <summary>True when the lint rules were left for <see cref="LaterWarnings"/>.</summary>
    internal bool LintsLater => _lint is not null;

    /// <summary>Runs the lint rules left for later and returns their warnings; empty when every rule ran with the check.</summary>
    internal IReadOnlyList<ConfigIssue> LaterWarnings() => _lint?.Invoke() ?? [];
}
