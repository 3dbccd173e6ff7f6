namespace FunctionGateway.Load.Driver;

/// <summary>One wrk run: a scenario at one concurrency, with the peak memory of the server that answered it.</summary>
internal sealed record ScenarioResult(string Key, string Label, string Server, int Connections, WrkResult Wrk, double CpuUsPerRequest)
{
    /// <summary>The server's peak resident memory (VmHWM) from its start to the end of its last scenario.</summary>
    public double PeakRssMib { get; set; }
}
