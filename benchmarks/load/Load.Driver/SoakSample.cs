namespace FunctionGateway.Load.Driver;

/// <summary>One interval of the soak: when it ended, the gateway's resident memory then, and what wrk saw during it.</summary>
internal sealed record SoakSample(double ElapsedSeconds, double RssMib, double RequestsPerSecond, long Errors, long P99Us);
