using BenchmarkDotNet.Attributes;
using FunctionGateway.Benchmarks.Support;
using FunctionGateway.Engine;
using FunctionGateway.Model;
using FunctionGateway.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Benchmarks.RateLimiting;

/// <summary>
/// What an in-memory rate limit costs: one check of each algorithm (target under 1 µs), a check among 100,000
/// clients, and one whole request through the engine to the same static route limited and unlimited.
/// dotnet run -c Release --project benchmarks/Gateway.Benchmarks -- --filter '*RateLimit*'
/// </summary>
[MemoryDiagnoser]
public class RateLimitBenchmarks
{
    private const int Clients = 100_000;

    // Limits no run reaches: every check is the allowed path, the one nearly every request takes. The policies
    // the store benchmarks count under are compiled by the engine, from the routes that name them.
    private const string Config = """
        {
          "rate_limits": {
            "per-client": { "key": "$request.header.X-Client", "algorithm": "fixed_window", "limit": 1000000000, "window_seconds": 3600 },
            "fixed": { "key": "$request.header.X-Client", "algorithm": "fixed_window", "limit": 1000000000, "window_seconds": 3600 },
            "sliding": { "key": "$request.header.X-Client", "algorithm": "sliding_window", "limit": 1000000000, "window_seconds": 3600 },
            "bucket": { "key": "$request.header.X-Client", "algorithm": "token_bucket", "limit": 1000000000, "tokens_per_period": 1000000000, "period_seconds": 1 }
          },
          "paths": [
            { "method": "GET", "path": "/free", "response": { "status": "ok" } },
            { "method": "GET", "path": "/limited", "rate_limit": "per-client", "response": { "status": "ok" } },
            { "method": "GET", "path": "/fixed", "rate_limit": "fixed", "response": { "status": "ok" } },
            { "method": "GET", "path": "/sliding", "rate_limit": "sliding", "response": { "status": "ok" } },
            { "method": "GET", "path": "/bucket", "rate_limit": "bucket", "response": { "status": "ok" } }
          ]
        }
        """;

    private readonly MemoryRateLimitStore _store = new(TimeProvider.System);
    private RateLimitPolicy _fixed = null!;
    private RateLimitPolicy _sliding = null!;
    private RateLimitPolicy _bucket = null!;
    private string[] _keys = null!;
    private int _next;
    private ServiceProvider _services = null!;
    private GatewayEngine _engine = null!;
    private DefaultHttpContext _free = null!;
    private DefaultHttpContext _limited = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddGatewayEngine().BuildServiceProvider();
        var result = _services.GetRequiredService<GatewayConfigLoader>().LoadAsync(Config, "benchmark", "v1").GetAwaiter().GetResult();
        var runtime = result.Runtime ?? throw new InvalidOperationException(string.Join("\n", result.Issues));
        _services.GetRequiredService<GatewayRuntimeHolder>().Publish(runtime);
        _fixed = Policy(runtime, "/fixed");
        _sliding = Policy(runtime, "/sliding");
        _bucket = Policy(runtime, "/bucket");
        _keys = [.. Enumerable.Range(0, Clients).Select(i => $"client-{i}")];
        foreach (var key in _keys)
        {
            _store.Acquire(_fixed, key);
        }

        _engine = _services.GetRequiredService<GatewayEngine>();
        _free = Request("/free");
        _limited = Request("/limited");
        foreach (var context in new[] { _free, _limited })
        {
            RunAsync(context).AsTask().GetAwaiter().GetResult();
            if (context.Response.StatusCode != StatusCodes.Status200OK)
            {
                throw new InvalidOperationException($"{context.Request.Path} answered {context.Response.StatusCode}.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public bool FixedWindowOneClient() => _store.Acquire(_fixed, "client-1").Allowed;

    [Benchmark]
    public bool SlidingWindowOneClient() => _store.Acquire(_sliding, "client-1").Allowed;

    [Benchmark]
    public bool TokenBucketOneClient() => _store.Acquire(_bucket, "client-1").Allowed;

    [Benchmark]
    public bool FixedWindowAmong100kClients() => _store.Acquire(_fixed, _keys[_next = (_next + 7919) % Clients]).Allowed;

    [Benchmark(Baseline = true)]
    public ValueTask<bool> RequestUnlimited() => RunAsync(_free);

    [Benchmark]
    public ValueTask<bool> RequestLimitedInMemory() => RunAsync(_limited);

    private static RateLimitPolicy Policy(GatewayRuntime runtime, string path) =>
        runtime.Routes.InPriorityOrder().Single(r => r.Config.Path == path).Limits.Single();

    private ValueTask<bool> RunAsync(HttpContext context)
    {
        // The same context each time: the headers of the last run go, as a new request would not have them.
        context.Response.Headers.Clear();
        return EngineRequest.RunAsync(_engine, context);
    }

    private static DefaultHttpContext Request(string path)
    {
        var context = EngineRequest.Create(path);
        context.Request.Headers["X-Client"] = "client-1";
        return context;
    }
}
