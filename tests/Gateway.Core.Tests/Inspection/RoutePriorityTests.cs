using FunctionGateway.Configuration;
using FunctionGateway.Inspection;
using FunctionGateway.Routing;
using FunctionGateway.Tests.Configuration;

namespace FunctionGateway.Tests.Inspection;

public class RoutePriorityTests
{
    private static readonly string[] Templates =
    [
        "/", "/a", "/a/", "/a/b", "/a/{x}", "/{x}", "/{x}/b", "/{x}/{y}", "/a/{.+}", "/{.+}", "/a/b/{.+}", "/{x}/b/{.+}",
        "/a/b/c", "/a/{x}/c", "/b/{x}", "/b/{.+}", "/{x}/{y}/{z}",
    ];

    [Fact]
    public void OverlappingPairs_GroupedWalk_SameAsComparingEveryPair()
    {
        var config = new GatewayConfig
        {
            Paths = [.. Templates.SelectMany(t => new[] { RuleHarness.Path($"GET {t}"), RuleHarness.Path($"POST {t}") })],
        };
        var priority = new RoutePriority(config);
        var everyPair = EveryOverlappingPair(priority.Routes).Select(p => $"{p.First} & {p.Second}").ToList();

        Assert.Equal(everyPair, priority.OverlappingPairs(int.MaxValue, out var complete).Select(p => $"{p.First} & {p.Second}"));
        Assert.True(complete);
        Assert.Contains("GET /a/{.+} & GET /{x}/b/{.+}", everyPair);
        Assert.DoesNotContain("GET /a/b & GET /b/{x}", everyPair);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void OverlappingPairs_RandomTemplates_SameAsComparingEveryPair(int seed)
    {
        // Few segment values, so that templates meet often: literals, a trailing-slash segment, parameters, wildcards.
        string[] segments = ["a", "b", "c", "", "{x}", "{y}"];
        string[] methods = ["GET", "POST", "ANY"];
        var random = new Random(seed);
        var paths = new List<PathConfig>();
        for (var i = 0; i < 300; i++)
        {
            var count = random.Next(0, 5);
            var template = "/" + string.Join('/', Enumerable.Range(0, count).Select(_ => segments[random.Next(segments.Length)]));
            if (random.Next(3) == 0)
            {
                template = (template == "/" ? "" : template) + "/{.+}";
            }

            paths.Add(RuleHarness.Path($"{methods[random.Next(methods.Length)]} {template}"));
        }

        var priority = new RoutePriority(new GatewayConfig { Paths = paths });
        var everyPair = EveryOverlappingPair(priority.Routes).Select(p => $"{p.First.Location} & {p.Second.Location}").ToList();

        Assert.True(priority.Routes.Count > 250, $"only {priority.Routes.Count} of the random templates parsed");
        Assert.True(everyPair.Count > 1000, $"only {everyPair.Count} overlapping pairs: the test would not exercise the walk");
        Assert.Equal(everyPair, priority.OverlappingPairs(int.MaxValue, out var complete).Select(p => $"{p.First.Location} & {p.Second.Location}"));
        Assert.True(complete);
    }

    [Fact]
    public void OverlappingPairs_MoreThanTheLimit_ReturnsTheLimitAndSaysSo()
    {
        var priority = new RoutePriority(new GatewayConfig { Paths = [RuleHarness.Path("GET /{.+}"), RuleHarness.Path("GET /a"), RuleHarness.Path("GET /b")] });

        var pairs = priority.OverlappingPairs(1, out var complete).ToList();
        var all = priority.OverlappingPairs(2, out var allComplete).ToList();

        Assert.Single(pairs);
        Assert.False(complete);
        Assert.Equal(2, all.Count);
        Assert.True(allComplete);
    }

    [Fact]
    public void Order_DuplicateRoute_LeftOutSinceItNeverMatches()
    {
        var priority = new RoutePriority(new GatewayConfig { Paths = [RuleHarness.Path("GET /u/{id}"), RuleHarness.Path("GET /u/{name}")] });

        Assert.Equal(["GET /u/{id}"], priority.Order.Select(r => r.ToString()));
        Assert.Null(priority.RankOf(priority.Routes[1]));
    }

    // What the walk must find, by comparing every pair, in the order OverlappingPairs promises.
    private static IEnumerable<(ConfiguredRoute First, ConfiguredRoute Second)> EveryOverlappingPair(IReadOnlyList<ConfiguredRoute> routes)
    {
        for (var j = 0; j < routes.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (TemplateOverlap.MethodsOverlap(routes[i].Method, routes[j].Method) && TemplateOverlap.Intersects(routes[i].Template, routes[j].Template))
                {
                    yield return (routes[i], routes[j]);
                }
            }
        }
    }
}
