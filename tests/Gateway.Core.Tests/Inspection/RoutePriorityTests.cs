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
        var routes = priority.Routes;
        var everyPair = new List<string>();
        for (var j = 0; j < routes.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (TemplateOverlap.MethodsOverlap(routes[i].Method, routes[j].Method) && TemplateOverlap.Intersects(routes[i].Template, routes[j].Template))
                {
                    everyPair.Add($"{routes[i]} & {routes[j]}");
                }
            }
        }

        Assert.Equal(everyPair, priority.OverlappingPairs().Select(p => $"{p.First} & {p.Second}"));
        Assert.Contains("GET /a/{.+} & GET /{x}/b/{.+}", everyPair);
        Assert.DoesNotContain("GET /a/b & GET /b/{x}", everyPair);
    }

    [Fact]
    public void Order_DuplicateRoute_LeftOutSinceItNeverMatches()
    {
        var priority = new RoutePriority(new GatewayConfig { Paths = [RuleHarness.Path("GET /u/{id}"), RuleHarness.Path("GET /u/{name}")] });

        Assert.Equal(["GET /u/{id}"], priority.Order.Select(r => r.ToString()));
        Assert.Null(priority.RankOf(priority.Routes[1]));
    }
}
