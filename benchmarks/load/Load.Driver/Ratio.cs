namespace FunctionGateway.Load.Driver;

/// <summary>Throughput of one scenario over another's at the same concurrency, with the target it is held to, if any.</summary>
internal sealed record Ratio(string Name, int Connections, double Value, double? Target)
{
    public bool? Met => Target is { } target ? Value >= target : null;
}
