using FunctionGateway.Tooling.Diagnostics;

namespace FunctionGateway.Tooling.Tests.Diagnostics;

public class RouteDiagnosisTests
{
    private const string Config = """
        {
          "paths": [
            {"method": "GET", "path": "/private/orders", "response": {"list": true}},
            {"method": "POST", "path": "/private/orders/{id}", "response": {"update": true}},
            {"method": "GET", "path": "/private/{.+}", "response": {"any": true}},
            {"method": "GET", "path": "/health", "response": {"ok": true}}
          ]
        }
        """;

    private static Task<Explanation> Explain(string method, string path) =>
        ExplainFixture.ExplainAsync(Config, new ExplainRequest { Method = method, Path = path });

    [Fact]
    public async Task Explain_ExactBeatsWildcard_WildcardListedAsMatchingTooWithTheRule()
    {
        var explanation = await Explain("GET", "/private/orders");

        Assert.Equal(("GET /private/orders", 0), (explanation.Route, explanation.RouteIndex));
        var wildcard = explanation.NearMisses.Single(m => m.Index == 2);
        Assert.Equal("matches too, but GET /private/orders (paths[0]) wins: a route without a wildcard beats any wildcard route", wildcard.Reason);
        Assert.DoesNotContain(explanation.NearMisses, m => m.Index == 3);
    }

    [Fact]
    public async Task Explain_CompetingRoutesStartingWithAParameter_ListedWithWhyTheyLose()
    {
        const string Competing = """
            { "paths": [
              { "method": "GET", "path": "/{y}/b", "response": 1 },
              { "method": "POST", "path": "/{lang}/{page}", "response": 2 },
              { "method": "GET", "path": "/a/b", "response": 3 },
              { "method": "GET", "path": "/{y}/c", "response": 4 } ] }
            """;

        var explanation = await ExplainFixture.ExplainAsync(Competing, new ExplainRequest { Method = "GET", Path = "/a/b" });

        Assert.Equal("GET /a/b", explanation.Route);
        Assert.Equal([
            (0, "matches too, but GET /a/b (paths[2]) wins: at segment 1, the first where the templates differ, the literal 'a' beats the parameter '{y}'"),
            (1, "the path matches, but the route's method is POST, not GET"),
        ], explanation.NearMisses.Select(m => (m.Index, m.Reason)));
    }

    [Fact]
    public async Task Explain_WrongMethod_SaysWhichMethodTheRouteHas()
    {
        var explanation = await Explain("GET", "/private/orders/7");

        Assert.Equal("GET /private/{.+}", explanation.Route);
        Assert.Equal("the path matches, but the route's method is POST, not GET", explanation.NearMisses.Single(m => m.Index == 1).Reason);
    }

    [Fact]
    public async Task Explain_CaseDiffers_404AndSaysPathsAreCaseSensitive()
    {
        var explanation = await Explain("GET", "/Private/orders");

        Assert.Null(explanation.Route);
        Assert.Equal((404, "ERR_NO_ROUTE", """{"message":"No match found."}"""), (explanation.Answer.Status, explanation.Answer.Error?.Code, explanation.Answer.Body));
        Assert.Equal("segment 1 is 'Private' but the route has 'private': paths are case-sensitive", explanation.NearMisses.First(m => m.Index == 0).Reason);
    }

    [Fact]
    public async Task Explain_TrailingSlash_SaysWhichPathWouldMatch()
    {
        var explanation = await Explain("GET", "/health/");

        Assert.Null(explanation.Route);
        Assert.Equal("the path ends with '/', which makes an empty last segment; /health would match", explanation.NearMisses.Single(m => m.Index == 3).Reason);
    }

    [Fact]
    public async Task Explain_TooManySegments_SaysHowMany()
    {
        var explanation = await Explain("GET", "/health/deep");

        Assert.Equal("the path has 2 segment(s), the route 1", explanation.NearMisses.Single(m => m.Index == 3).Reason);
    }

    [Fact]
    public async Task Explain_DotSegment_400FromTheEngine()
    {
        var explanation = await Explain("GET", "/private/../health");

        Assert.Equal((ExplainVerdict.Refused, 400, "ERR_BAD_PATH"), (explanation.Verdict, explanation.Answer.Status, explanation.Answer.Error?.Code));
    }

    [Fact]
    public async Task Explain_CorsPreflight_AnsweredByTheGatewayBeforeAnyToken()
    {
        var config = ExplainFixture.Config().Replace("\"paths\"", "\"cors\": {\"allow_origins\": [\"https://app.test\"]}, \"paths\"", StringComparison.Ordinal);
        var request = new ExplainRequest
        {
            Method = "OPTIONS",
            Path = "/orders",
            Headers = [KeyValuePair.Create("Origin", "https://app.test"), KeyValuePair.Create("Access-Control-Request-Method", "GET")],
        };

        var explanation = await ExplainFixture.ExplainAsync(config, request);

        Assert.Equal((ExplainVerdict.Allowed, 204), (explanation.Verdict, explanation.Answer.Status));
        Assert.Contains("the gateway answers this request itself as a CORS preflight, before any token is asked for", explanation.Notes);
    }
}
