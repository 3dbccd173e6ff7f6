namespace FunctionGateway.Load.Driver;

/// <summary>Start-up to first 200 of a server beside its reference, with the target on their ratio if there is one.</summary>
internal sealed record StartupComparison(string Name, StartupResult Subject, StartupResult Reference, double? Target)
{
    public double Ratio => Subject.MedianMs / Reference.MedianMs;

    public bool? Met => Target is { } target ? Ratio <= target : null;
}
