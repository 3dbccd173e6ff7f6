namespace FunctionGateway.Configuration;

/// <summary>A problem found in a config: where it is (a JSON location such as <c>paths[3].integration.server</c>) and why.</summary>
public sealed record ConfigIssue(string Location, string Message, ConfigSeverity Severity = ConfigSeverity.Error)
{
    public override string ToString() =>
        Severity == ConfigSeverity.Warning ? $"warning: {Location}: {Message}" : $"{Location}: {Message}";
}
