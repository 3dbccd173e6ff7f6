namespace FunctionGateway.Load.Driver;

/// <summary>
/// Starts each server under test alone (the upstream and nginx stay up throughout), warms it, drives each of
/// its scenarios at every concurrency, reads its peak memory, and stops it before the next one starts.
/// </summary>
internal sealed class LoadRun(RunOptions options, Topology topology, Wrk wrk, PidRegistry pids, HttpClient client)
{
    private const int MaxExtraWarmUps = 8;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExtraWarmUp = TimeSpan.FromSeconds(2);

    public async Task<List<ScenarioResult>> RunAsync(ServerProcess upstream, CancellationToken cancellationToken)
    {
        var results = new List<ScenarioResult>();
        if (options.LimitsOnly)
        {
            await RunLimitsAsync(results, cancellationToken);
            return results;
        }

        await DriveAsync(upstream, [new("direct", "direct upstream (Kestrel)", Url(topology.Upstream, Topology.JwtPath))], results, cancellationToken);

        if (topology.Nginx() is { } nginxSpec)
        {
            await using var nginx = await StartAsync(nginxSpec, cancellationToken);
            await DriveAsync(nginx, [new("nginx", "direct upstream (nginx)", nginxSpec.ReadyUrl)], results, cancellationToken);
        }
        else
        {
            Console.WriteLine("nginx is not installed: its row is left out (apt-get install nginx adds it).");
        }

        await RunServerAsync(topology.Baseline(withJwt: true), spec =>
        [
            new("baseline", "YARP + JwtBearer", spec.ReadyUrl),
            new("baseline-fresh", "YARP + JwtBearer, new tokens", spec.ReadyUrl, FreshTokens: true),
        ], results, cancellationToken);
        await RunServerAsync(topology.Baseline(withJwt: false), spec => [new("yarp", "YARP, no auth", spec.ReadyUrl)], results, cancellationToken);
        await RunServerAsync(topology.BareProxy(), spec => [new("bare", "bare proxy, no auth", spec.ReadyUrl)], results, cancellationToken);
        // The gateway's JWT scenarios in a process of their own, as YARP + JwtBearer's are: their peak memory compares
        // like with like, without the static route's access log at tens of thousands of lines a second.
        await RunServerAsync(topology.Gateway(), spec =>
        [
            new("gateway-jwt", "gateway proxied + JWT", Url(spec, Topology.JwtPath)),
            new("gateway-fresh", "gateway JWT, new tokens", Url(spec, Topology.JwtPath), FreshTokens: true),
        ], results, cancellationToken);
        await RunServerAsync(topology.Gateway(), spec =>
        [
            new("gateway-open", "gateway proxied, no auth", Url(spec, Topology.OpenPath)),
            new("gateway-static", "gateway static", Url(spec, Topology.StaticPath)),
            new("gateway-limited", "gateway proxied, limit in memory", Url(spec, Topology.LimitedPath)),
        ], results, cancellationToken);
        await RunRedisLimitAsync(results, cancellationToken);
        await RunServerAsync(topology.Minimal(), spec => [new("minimal", "minimal endpoint", spec.ReadyUrl)], results, cancellationToken);
        if (options.Functions is { } host)
        {
            await RunFunctionsAsync(host, results, cancellationToken);
        }

        return results;
    }

    // The Function App under the Functions host, beside an app of one function under the same host: the host's hop
    // (HTTP in, gRPC to the worker, HTTP to the worker's Kestrel) is in both.
    private async Task RunFunctionsAsync(FunctionsHost host, List<ScenarioResult> results, CancellationToken cancellationToken)
    {
        await RunServerAsync(topology.FunctionGateway(host), spec =>
        [
            new("fn-gateway-static", "Functions: gateway static", Url(spec, Topology.StaticPath)),
            new("fn-gateway-jwt", "Functions: gateway JWT", Url(spec, Topology.JwtPath)),
            new("fn-gateway-open", "Functions: gateway proxied", Url(spec, Topology.OpenPath)),
        ], results, cancellationToken);
        await RunServerAsync(topology.EmptyFunction(host), spec => [new("fn-empty", "Functions: empty app", spec.ReadyUrl)], results, cancellationToken);
    }

    // The rate limit rows alone (--limits): the same proxied route unlimited, limited in memory, limited in Redis.
    private async Task RunLimitsAsync(List<ScenarioResult> results, CancellationToken cancellationToken)
    {
        await RunServerAsync(topology.Gateway(), spec =>
        [
            new("gateway-open", "gateway proxied, no auth", Url(spec, Topology.OpenPath)),
            new("gateway-limited", "gateway proxied, limit in memory", Url(spec, Topology.LimitedPath)),
        ], results, cancellationToken);
        await RunRedisLimitAsync(results, cancellationToken);
    }

    private async Task RunRedisLimitAsync(List<ScenarioResult> results, CancellationToken cancellationToken)
    {
        if (Topology.Redis(out var port) is not { } redisSpec)
        {
            Console.WriteLine("redis-server is not installed: the Redis rate limit row is left out (apt-get install redis-server adds it).");
            return;
        }

        await using var redis = ServerProcess.Start(redisSpec, topology.RunDirectory, pids);
        await redis.WaitListeningAsync(port, StartTimeout, cancellationToken);
        await RunServerAsync(topology.Gateway($"127.0.0.1:{port}"), spec =>
            [new("gateway-limited-redis", "gateway proxied, limit in Redis", Url(spec, Topology.LimitedPath))], results, cancellationToken);
    }

    public async Task<ServerProcess> StartAsync(ServerSpec spec, CancellationToken cancellationToken)
    {
        var server = ServerProcess.Start(spec, topology.RunDirectory, pids);
        try
        {
            await server.WaitReadyAsync(client, StartTimeout, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task RunServerAsync(ServerSpec spec, Func<ServerSpec, Scenario[]> scenarios, List<ScenarioResult> results,
        CancellationToken cancellationToken)
    {
        await using var server = await StartAsync(spec, cancellationToken);
        await DriveAsync(server, scenarios(spec), results, cancellationToken);
    }

    private async Task DriveAsync(ServerProcess server, Scenario[] scenarios, List<ScenarioResult> results, CancellationToken cancellationToken)
    {
        var first = results.Count;
        // Every scenario of the server is warm before the first is measured: what the first one would
        // otherwise leave to the JIT would be counted against it.
        foreach (var scenario in scenarios)
        {
            await WarmUpAsync(server, scenario, cancellationToken);
        }

        foreach (var scenario in scenarios)
        {
            foreach (var connections in options.Connections)
            {
                var cpuBefore = server.CpuTime();
                var result = await wrk.RunAsync(scenario, connections, options.Duration, topology.Token, cancellationToken);
                var cpu = (server.CpuTime() - cpuBefore).TotalMicroseconds / Math.Max(1, result.Requests);
                results.Add(new ScenarioResult(scenario.Key, scenario.Label, server.Spec.Name, connections, result, cpu));
                Console.WriteLine($"  {scenario.Label,-28} c={connections,-4} {result.RequestsPerSecond,10:F0} req/s  p99 {result.LatencyUs.P99 / 1000.0:F2} ms  " +
                    $"cpu {cpu:F1} us/req  errors {result.ErrorCount}");
            }
        }

        var peak = server.MemoryMib("VmHWM");
        foreach (var result in results.Skip(first))
        {
            result.PeakRssMib = peak;
        }
    }

    // The JIT's tiers and the connection pools settle before anything is recorded: at least the warm-up time,
    // then more short runs until two in a row cost the same CPU per request (within 10 %), up to a bound.
    // On a busy machine the JIT's background compiles take much longer than on a quiet one.
    private async Task WarmUpAsync(ServerProcess server, Scenario scenario, CancellationToken cancellationToken)
    {
        var connections = options.Connections.Max();
        await wrk.RunAsync(scenario, connections, options.Warmup, topology.Token, cancellationToken);
        var previous = double.MaxValue;
        for (var i = 0; i < MaxExtraWarmUps; i++)
        {
            var before = server.CpuTime();
            var result = await wrk.RunAsync(scenario, connections, ExtraWarmUp, topology.Token, cancellationToken);
            var cost = (server.CpuTime() - before).TotalMicroseconds / Math.Max(1, result.Requests);
            if (Math.Abs(cost - previous) <= previous * 0.1)
            {
                return;
            }

            previous = cost;
        }
    }

    private static string Url(ServerSpec spec, string path) => new Uri(new Uri(spec.ReadyUrl), path).ToString();
}
