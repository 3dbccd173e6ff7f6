namespace FunctionGateway.Load.Driver;

/// <summary>Start-up to first 200 of one server, in milliseconds: the median and every sample.</summary>
internal sealed record StartupResult(string Server, double MedianMs, IReadOnlyList<double> SamplesMs);
