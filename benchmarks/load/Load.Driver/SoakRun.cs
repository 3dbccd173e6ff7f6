using System.Diagnostics;

namespace FunctionGateway.Load.Driver;

/// <summary>
/// Constant load on the gateway's JWT route for the soak's length, as back-to-back wrk runs of
/// <see cref="Interval"/> each, so that memory and errors are sampled every interval rather than once at the end.
/// </summary>
internal sealed class SoakRun(RunOptions options, Topology topology, Wrk wrk)
{
    public const int Connections = 64;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    // The first samples see the JIT and the pools settle; growth is measured from after them.
    private const int SettleSamples = 2;
    private const int CompareSamples = 6;

    public async Task<SoakResult> RunAsync(ServerProcess gateway, CancellationToken cancellationToken)
    {
        var url = new Uri(new Uri(gateway.Spec.ReadyUrl), Topology.JwtPath).ToString();
        var samples = new List<SoakSample>();
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started).TotalSeconds < options.SoakSeconds)
        {
            var result = await wrk.RunAsync(url, Connections, Interval, topology.Token, cancellationToken);
            var sample = new SoakSample(Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 1), gateway.MemoryMib("VmRSS"),
                result.RequestsPerSecond, result.ErrorCount, result.LatencyUs.P99);
            samples.Add(sample);
            Console.WriteLine($"  t={sample.ElapsedSeconds,6:F0}s  rss {sample.RssMib,7:F1} MiB  {sample.RequestsPerSecond,8:F0} req/s  p99 {sample.P99Us / 1000.0:F2} ms  errors {sample.Errors}");
        }

        var steady = samples.Skip(SettleSamples).ToList();
        var count = Math.Min(CompareSamples, steady.Count / 2);
        var early = steady.Take(count).Average(s => s.RssMib);
        var late = steady.TakeLast(count).Average(s => s.RssMib);
        return new SoakResult(samples, early, late, samples.Sum(s => s.Errors), gateway.MemoryMib("VmHWM"));
    }
}
