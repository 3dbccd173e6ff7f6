using BenchmarkDotNet.Attributes;
using FunctionGateway.Routing;

namespace FunctionGateway.Benchmarks.Routing;

/// <summary>Route matching must cost the same at 10 routes as at 10,000.</summary>
[MemoryDiagnoser]
public class RouteMatchBenchmarks
{
    private sealed record Route(RouteMethod Method, RouteTemplate Template) : IRoutable;

    private RouteTable<Route> _table = null!;
    private string _exactPath = null!;
    private string _parameterPath = null!;
    private string _wildcardPath = null!;

    [Params(10, 1_000, 10_000)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A realistic mix: each service has an exact, a parameterised and a wildcard route.
        var routes = new List<Route>();
        for (var i = 0; i < Routes / 3 + 1; i++)
        {
            routes.Add(Parse("GET", $"/service{i}/health"));
            routes.Add(Parse("GET", $"/service{i}/items/{{id}}"));
            routes.Add(Parse("ANY", $"/service{i}/proxy/{{.+}}"));
        }

        _table = new RouteTable<Route>(routes);
        var last = Routes / 3;
        _exactPath = $"/service{last}/health";
        _parameterPath = $"/service{last}/items/12345";
        _wildcardPath = $"/service{last}/proxy/a/b/c";
    }

    [Benchmark]
    public object? Exact() => _table.Match("GET", _exactPath);

    [Benchmark]
    public object? Parameterised() => _table.Match("GET", _parameterPath);

    [Benchmark]
    public object? Wildcard() => _table.Match("POST", _wildcardPath);

    private static Route Parse(string method, string path)
    {
        if (!RouteMethods.TryParse(method, out var m) || !RouteTemplate.TryParse(path, out var template, out var error))
        {
            throw new ArgumentException($"bad benchmark route {method} {path}");
        }

        return new Route(m, template!);
    }
}
