using BenchmarkDotNet.Attributes;
using FunctionGateway.Benchmarks.Support;
using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Benchmarks.Engine;

/// <summary>
/// One whole request through the engine a host runs (match, authorize, dispatch) for a static route, public and
/// behind an HS256 authorizer with the same token every time. The services, the config loader and the engine
/// are the ones <c>gateway serve</c> uses; only Kestrel is left out, so the figures are the gateway's own cost.
/// dotnet run -c Release --project benchmarks/Gateway.Benchmarks -- --filter '*StaticRequest*'
/// </summary>
[MemoryDiagnoser]
public class StaticRequestBenchmarks
{
    private const string Config = """
        {
          "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "algorithm": "HS256",
                          "issuer": "https://issuer.test", "audience": "api://orders" },
          "paths": [
            { "method": "GET", "path": "/health", "response": { "status": "ok" } },
            { "method": "GET", "path": "/private/profile", "auth": true, "response": { "profile": "only with a token" } }
          ]
        }
        """;

    private ServiceProvider _services = null!;
    private GatewayEngine _engine = null!;
    private DefaultHttpContext _public = null!;
    private DefaultHttpContext _protected = null!;

    [GlobalSetup]
    public void Setup()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection([new("JWT_SECRET", BenchmarkTokens.HmacSecret)]).Build();
        _services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(settings).AddGatewayEngine().BuildServiceProvider();
        var result = _services.GetRequiredService<GatewayConfigLoader>().LoadAsync(Config, "benchmark", "v1").GetAwaiter().GetResult();
        _services.GetRequiredService<GatewayRuntimeHolder>().Publish(
            result.Runtime ?? throw new InvalidOperationException(string.Join("\n", result.Issues)));
        _engine = _services.GetRequiredService<GatewayEngine>();

        _public = Request("/health");
        _protected = Request("/private/profile");
        _protected.Request.Headers.Authorization = $"Bearer {BenchmarkTokens.Hs256()}";

        // Both must be answered 200 by the route, or the figures would measure an error path.
        foreach (var context in new[] { _public, _protected })
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

    [Benchmark(Baseline = true)]
    public ValueTask<bool> PublicStaticRoute() => RunAsync(_public);

    [Benchmark]
    public ValueTask<bool> ProtectedStaticRouteRepeatedHs256Token() => RunAsync(_protected);

    private ValueTask<bool> RunAsync(HttpContext context) => EngineRequest.RunAsync(_engine, context);

    private static DefaultHttpContext Request(string path) => EngineRequest.Create(path);
}
