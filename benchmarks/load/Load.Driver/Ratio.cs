namespace FunctionGateway.Load.Driver;

/// <summary>
/// Throughput of one scenario over another's at the same concurrency, with the target it is held to, if any; and the
/// same comparison in CPU per request (the other's cost over this one's: above 1, this one does a request for less).
/// </summary>
internal sealed record Ratio(string Name, int Connections, double Value, double CpuValue, double? Target)
{
    public bool? Met => Target is { } target ? Value >= target : null;
}
