using FunctionGateway.Tooling.Diagnostics;

namespace FunctionGateway.Tooling.Tests.Diagnostics;

public class PriorityWordingTests
{
    [Theory]
    [InlineData("GET /a/b/{.+}", "GET /a/{x}/c/{.+}", "/a/b/c/d",
        "at segment 2, the first where the templates differ, the literal 'b' beats the parameter '{x}'")]
    [InlineData("GET /a/{.+}", "GET /{x}/b/{.+}", "/a/b/c",
        "at segment 1, the first where the templates differ, the literal 'a' beats the parameter '{x}'")]
    [InlineData("GET /a/{x}", "GET /{y}/b", "/a/b",
        "at segment 1, the first where the templates differ, the literal 'a' beats the parameter '{y}'")]
    [InlineData("GET /a/b/{.+}", "GET /a/{.+}", "/a/b/c",
        "/a/b/{.+} extends /a/{.+}, and of two wildcard templates the one that extends the other wins")]
    [InlineData("GET /a/{x}/{.+}", "GET /a/{.+}", "/a/b/c",
        "/a/{x}/{.+} extends /a/{.+}, and of two wildcard templates the one that extends the other wins")]
    [InlineData("GET /{x}/{y}", "GET /a/{.+}", "/a/b", "a route without a wildcard beats any wildcard route")]
    [InlineData("GET /a/{x}", "ANY /a/{y}", "/a/b", "for the same template an exact method beats ANY")]
    public async Task Why_TwoMatchingRoutes_NamesTheRuleThatDecided(string winner, string loser, string path, string expected)
    {
        // The loser is declared first, so the order of paths cannot be what decides.
        var config = $$"""
            { "paths": [{{Route(loser)}}, {{Route(winner)}}] }
            """;

        var explanation = await ExplainFixture.ExplainAsync(config, new ExplainRequest { Method = "GET", Path = path });

        Assert.Equal(winner, explanation.Route);
        Assert.Equal($"matches too, but {winner} (paths[1]) wins: {expected}", explanation.NearMisses.Single(m => m.Index == 0).Reason);
    }

    private static string Route(string route)
    {
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
        return $$"""{ "method": "{{method}}", "path": "{{path}}", "response": 1 }""";
    }
}
