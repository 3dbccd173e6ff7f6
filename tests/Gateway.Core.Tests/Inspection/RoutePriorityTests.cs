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
    public void Of_SameConfigAskedByEveryReader_BuiltOnce()
    {
        var check = FunctionGateway.Configuration.Validation.ConfigChecker.CheckUnresolved("""
            { "paths": [{ "method": "GET", "path": "/a/{x}", "response": 1 }, { "method": "GET", "path": "/{y}/b", "response": 2 }] }
            """);

        // The validator's route rules asked for it during the check; routes, diff and explain ask again.
        var model = RoutePriority.Of(check.Config!);

        Assert.Same(model, RoutePriority.Of(check.Config!));
        Assert.NotSame(model, RoutePriority.Of(check.Config! with { }));
        Assert.Equal(["GET /a/{x}", "GET /{y}/b"], model.Order.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData("GET /a", "GET /{.+}", PriorityReason.NoWildcard, -1)]
    [InlineData("GET /a/b/{.+}", "GET /a/{x}/c/{.+}", PriorityReason.LiteralBeforeParameter, 1)]
    [InlineData("GET /a/b/{.+}", "GET /a/{.+}", PriorityReason.LongerWildcard, -1)]
    [InlineData("GET /a/{x}", "ANY /a/{y}", PriorityReason.ExactMethod, -1)]
    [InlineData("GET /a/{x}", "GET /a/{y}", PriorityReason.Order, -1)]
    public void Decide_TwoRoutes_NamesTheRuleThatDecided(string winner, string loser, PriorityReason reason, int segment)
    {
        var routes = RoutePriority.Of(new GatewayConfig { Paths = [RuleHarness.Path(winner), RuleHarness.Path(loser)] }).Routes;

        Assert.Equal(new PriorityDecision(reason, segment), RoutePriority.Decide(routes[0], routes[1]));
    }

    [Fact]
    public void OverlappingPairs_GroupedWalk_SameAsComparingEveryPair()
    {
        var config = new GatewayConfig
        {
            Paths = [.. Templates.SelectMany(t => new[] { RuleHarness.Path($"GET {t}"), RuleHarness.Path($"POST {t}") })],
        };
        var priority = RoutePriority.Of(config);
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

        var priority = RoutePriority.Of(new GatewayConfig { Paths = paths });
        var everyPair = EveryOverlappingPair(priority.Routes).Select(p => $"{p.First.Location} & {p.Second.Location}").ToList();

        Assert.True(priority.Routes.Count > 250, $"only {priority.Routes.Count} of the random templates parsed");
        Assert.True(everyPair.Count > 1000, $"only {everyPair.Count} overlapping pairs: the test would not exercise the walk");
        Assert.Equal(everyPair, priority.OverlappingPairs(int.MaxValue, out var complete).Select(p => $"{p.First.Location} & {p.Second.Location}"));
        Assert.True(complete);
    }

    [Fact]
    public void OverlappingPairs_MoreThanTheLimit_ReturnsTheLimitAndSaysSo()
    {
        var priority = RoutePriority.Of(new GatewayConfig { Paths = [RuleHarness.Path("GET /{.+}"), RuleHarness.Path("GET /a"), RuleHarness.Path("GET /b")] });

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
        var priority = RoutePriority.Of(new GatewayConfig { Paths = [RuleHarness.Path("GET /u/{id}"), RuleHarness.Path("GET /u/{name}")] });

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
