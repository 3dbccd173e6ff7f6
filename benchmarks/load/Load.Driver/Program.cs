using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using FunctionGateway.Load.Driver;

// The load harness: see docs/performance.md, section Load. run.sh builds everything and calls this.
RunOptions options;
try
{
    options = RunOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

using var cancellation = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
var runDirectory = Path.Combine(options.OutDirectory, $"run-{stamp}");
Directory.CreateDirectory(runDirectory);
var pids = new PidRegistry(Path.Combine(options.OutDirectory, ".pids"));
var secret = TokenFactory.NewSecret();
var topology = new Topology(options, runDirectory, secret, TokenFactory.Create(secret, TimeProvider.System));
const int wrkThreads = 2;
var reportScript = Wrk.WriteScript(runDirectory);
// The soak drives one token only: its run signs no others and writes no fresh-token script.
var freshTokenScript = options.Soak ? null : FreshTokenScript.Write(runDirectory,
    TokenFactory.CreateMany(secret, TimeProvider.System, FreshTokenScript.TokensPerThread * wrkThreads), wrkThreads, reportScript);
var wrk = new Wrk(reportScript, freshTokenScript, wrkThreads);
using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
var machine = MachineInfo.Read();
Console.WriteLine($"{machine.Cpu}, {machine.Cores} cores, {machine.Memory}; load average {machine.LoadAverage}; logs in {runDirectory}");
if (options.Gateway is not null)
{
    Console.WriteLine($"gateway: {options.Gateway}");
}

if (options.Functions is { } functionsHost)
{
    Console.WriteLine($"Functions host: {(functionsHost.IsCoreTools ? "Core Tools" : "web host")} in {functionsHost.Directory}; Function App: {options.FunctionApp ?? "this tree's publish"}");
}

try
{
    var load = new LoadRun(options, topology, wrk, pids, client);
    await using var upstream = await load.StartAsync(topology.Upstream, cancellation.Token);
    object report;
    if (options.Soak)
    {
        Console.WriteLine($"soak: gateway JWT route, {SoakRun.Connections} connections, {options.SoakSeconds} s, sampled every {SoakRun.Interval.TotalSeconds} s");
        await using var gateway = await load.StartAsync(topology.Gateway(), cancellation.Token);
        var soak = await new SoakRun(options, topology, wrk).RunAsync(gateway, cancellation.Token);
        Console.WriteLine(Report.RenderSoak(soak));
        report = new { kind = "soak", machine, loadAverageEnd = MachineInfo.LoadAverageNow(), soak };
    }
    else
    {
        var startups = new List<StartupComparison>();
        if (!options.LimitsOnly)
        {
            Console.WriteLine("start-up to first 200");
            var startup = new StartupRun(options, topology, pids, client);
            startups.Add(new StartupComparison("gateway serve / minimal endpoint",
                await startup.MeasureAsync(topology.Gateway(), cancellation.Token),
                await startup.MeasureAsync(topology.Minimal(), cancellation.Token), Report.StartupTarget));
            if (options.Functions is { } host)
            {
                // Host start to first 200: the host's own start, the worker's, and the first config load.
                startups.Add(new StartupComparison("Function App / empty function app (Functions host)",
                    await startup.MeasureAsync(topology.FunctionGateway(host), cancellation.Token),
                    await startup.MeasureAsync(topology.EmptyFunction(host), cancellation.Token), Target: null));
            }
        }

        Console.WriteLine($"load: {string.Join(", ", options.Connections)} connections, {options.Duration.TotalSeconds} s each after {options.Warmup.TotalSeconds} s of warm-up");
        var results = await load.RunAsync(upstream, cancellation.Token);
        var ratios = Report.Ratios(results);
        Console.WriteLine();
        Console.Write(Report.Render(results, ratios, startups));
        report = new
        {
            kind = options.LimitsOnly ? "limits" : options.Quick ? "quick" : "full",
            machine,
            gateway = options.Gateway ?? "this tree",
            functionApp = options.Functions is null ? null : options.FunctionApp ?? "this tree",
            loadAverageEnd = MachineInfo.LoadAverageNow(),
            options.Connections,
            durationSeconds = options.Duration.TotalSeconds,
            startup = startups,
            results,
            ratios,
        };
    }

    var json = Path.Combine(options.OutDirectory, $"load-{stamp}.json");
    await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
    Console.WriteLine($"raw results: {json}");
    return 0;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Stopped; every server was shut down.");
    return 130;
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
{
    await Console.Error.WriteLineAsync($"Load run failed: {e.Message}");
    return 1;
}

void Stop(PosixSignalContext context)
{
    // Unwind through the finally blocks, which stop the servers, instead of dying with them still up.
    context.Cancel = true;
    cancellation.Cancel();
}
