using BenchmarkDotNet.Attributes;
using FunctionGateway.Benchmarks.Support;
using FunctionGateway.Configuration;
using FunctionGateway.Engine;
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

    private const string Config = """
        {
          "rate_limits": { "per-client": { "key": "$request.header.X-Client", "algorithm": "fixed_window", "limit": 1000000000, "window_seconds": 3600 } },
          "paths": [
            { "method": "GET", "path": "/free", "response": { "status": "ok" } },
            { "method": "GET", "path": "/limited", "rate_limit": "per-client", "response": { "status": "ok" } }
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
        // Limits no run reaches: every check is the allowed path, the one nearly every request takes.
        _fixed = Policy("fixed", RateLimitConfig.FixedWindow, 3600);
        _sliding = Policy("sliding", RateLimitConfig.SlidingWindow, 3600);
        _bucket = RateLimitPolicy.From(new RateLimitConfig
        {
            Name = "bucket", Key = "$request.header.X-Client", Algorithm = RateLimitConfig.TokenBucket,
            Limit = 1_000_000_000, TokensPerPeriod = 1_000_000_000, PeriodSeconds = 1,
        });
        _keys = [.. Enumerable.Range(0, Clients).Select(i => $"client-{i}")];
        foreach (var key in _keys)
        {
            _store.Acquire(_fixed, key);
        }

        _services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddGatewayEngine().BuildServiceProvider();
        var result = _services.GetRequiredService<GatewayConfigLoader>().LoadAsync(Config, "benchmark", "v1").GetAwaiter().GetResult();
        _services.GetRequiredService<GatewayRuntimeHolder>().Publish(
            result.Runtime ?? throw new InvalidOperationException(string.Join("\n", result.Issues)));
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

    private static RateLimitPolicy Policy(string name, string algorithm, int window) => RateLimitPolicy.From(new RateLimitConfig
    {
        Name = name, Key = "$request.header.X-Client", Algorithm = algorithm, Limit = 1_000_000_000, WindowSeconds = window,
    });

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
