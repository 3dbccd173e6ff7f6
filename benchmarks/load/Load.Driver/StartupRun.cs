namespace FunctionGateway.Load.Driver;

/// <summary>Time from starting a server's process to its first 200, the median of a few cold starts.</summary>
internal sealed class StartupRun(RunOptions options, Topology topology, PidRegistry pids, HttpClient client)
{
    public async Task<StartupResult> MeasureAsync(ServerSpec spec, CancellationToken cancellationToken)
    {
        var samples = new List<double>();
        for (var i = 0; i < options.StartupRuns; i++)
        {
            await using var server = ServerProcess.Start(spec, topology.RunDirectory, pids);
            var elapsed = await server.WaitReadyAsync(client, TimeSpan.FromSeconds(60), cancellationToken);
            samples.Add(elapsed.TotalMilliseconds);
        }

        samples.Sort();
        return new StartupResult(spec.Name, samples[samples.Count / 2], samples);
    }
}
