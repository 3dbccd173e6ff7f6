using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FunctionGateway.Benchmarks.Support;
using FunctionGateway.Mapping;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Benchmarks.Mapping;

/// <summary>
/// What a route's mapping costs per request: each value resolved from the validated token's claims, a request
/// header or a config variable (folded into a literal when the config is built), alone and together.
/// dotnet run -c Release --project benchmarks/Gateway.Benchmarks -- --filter '*Mapping*'
/// </summary>
[MemoryDiagnoser]
public class MappingBenchmarks
{
    private static readonly Dictionary<string, string> RouteVariables = new() { ["stage"] = "prod" };
    private static readonly Dictionary<string, string> GlobalVariables = new() { ["region"] = "westeurope" };

    private JsonDocument _claims = null!;
    private DefaultHttpContext _context = null!;
    private MappingTemplate _jwtClaim = null!;
    private MappingTemplate _header = null!;
    private MappingTemplate _config = null!;
    private MappingTemplate _composite = null!;
    private MappingTemplate[] _route = null!;

    [GlobalSetup]
    public void Setup()
    {
        _claims = JsonDocument.Parse(BenchmarkTokens.Payload());
        _context = new DefaultHttpContext();
        _context.Request.Headers["X-Client"] = "mobile-app";
        _jwtClaim = Compile("$request.jwt.sub");
        _header = Compile("$request.header.X-Client");
        _config = Compile("$config.stage");
        _composite = Compile("$config.region/$request.jwt.tenant/$request.jwt.sub");
        _route = [_jwtClaim, _header, _config, _composite];
    }

    [GlobalCleanup]
    public void Cleanup() => _claims.Dispose();

    [Benchmark]
    public string? JwtClaim() => _jwtClaim.Resolve(Values());

    [Benchmark]
    public string? RequestHeader() => _header.Resolve(Values());

    [Benchmark]
    public string? ConfigVariable() => _config.Resolve(Values());

    [Benchmark]
    public string? Composite() => _composite.Resolve(Values());

    /// <summary>A route mapping the four values above, as the proxy does for one request.</summary>
    [Benchmark(Baseline = true)]
    public int WholeRouteMapping()
    {
        var values = Values();
        var length = 0;
        foreach (var template in _route)
        {
            length += template.Resolve(values)?.Length ?? 0;
        }

        return length;
    }

    private RequestMappingValues Values() => new(_context.Request, _claims.RootElement);

    private static MappingTemplate Compile(string value) =>
        MappingTemplate.Compile(value, RouteVariables, GlobalVariables, out var error) is var template && error is null
            ? template
            : throw new InvalidOperationException(error);
}
