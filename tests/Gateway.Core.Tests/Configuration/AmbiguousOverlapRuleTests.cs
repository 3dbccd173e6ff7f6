using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Tests.Configuration;

public class AmbiguousOverlapRuleTests
{
    [Fact]
    public void Check_MoreWarningsThanTheBound_ReportsTheFirstAndSaysThereAreMore()
    {
        // Each '/aN/{y}' crosses '/{x}/b': 60 overlaps with a tie-break winner.
        var paths = new[] { "GET /{x}/b" }.Concat(Enumerable.Range(0, 60).Select(i => $"GET /a{i}/{{y}}")).ToArray();

        var warnings = RuleHarness.Check(new AmbiguousOverlapRule(), paths);

        Assert.Equal(AmbiguousOverlapRule.MaxWarnings + 1, warnings.Count);
        Assert.StartsWith("warning: paths[1]: GET /a0/{y} overlaps paths[0] (GET /{x}/b)", warnings[0], StringComparison.Ordinal);
        Assert.Equal("warning: paths: more routes overlap with a tie-break winner than the 50 reported above; " +
            "'gateway routes' lists every route in match order", warnings[^1]);
    }

    [Fact]
    public void Check_MoreOverlappingPairsThanItExamines_SaysSoEvenWithoutWarnings()
    {
        // '/a/{x}' covers each '/a/bN': 20 overlapping pairs, none with a tie-break winner.
        var paths = new[] { "GET /a/{x}" }.Concat(Enumerable.Range(0, 20).Select(i => $"GET /a/b{i}")).ToArray();

        var all = RuleHarness.Check(new AmbiguousOverlapRule(maxPairs: 20), paths);
        var some = RuleHarness.Check(new AmbiguousOverlapRule(maxPairs: 10), paths);

        Assert.Empty(all);
        Assert.Equal(["warning: paths: more than 10 pairs of routes can match the same request: only those were checked " +
            "for a tie-break winner; 'gateway routes' lists every route in match order"], some);
    }

    [Fact]
    public void Check_CrossedParameters_NamesBothWinnerAndReason()
    {
        var warnings = RuleHarness.Check(new AmbiguousOverlapRule(), "GET /a/{x}", "GET /{y}/b");

        Assert.Equal(["warning: paths[1]: GET /{y}/b overlaps paths[0] (GET /a/{x}): a request such as GET /a/b matches both, " +
            "and paths[0] wins because at segment 1 the literal 'a' is tried before the parameter '{y}'; " +
            "if paths[1] should take such requests, add a route for them or make the templates disjoint"], warnings);
    }

    [Fact]
    public void Check_ParameterisedAgainstWildcardWithLiteral_NonWildcardWins()
    {
        var warnings = RuleHarness.Check(new AmbiguousOverlapRule(), "ANY /static/{.+}", "GET /{lang}/index");

        Assert.Equal(["warning: paths[1]: GET /{lang}/index overlaps paths[0] (ANY /static/{.+}): a request such as GET /static/index matches both, " +
            "and paths[1] wins because a route without a wildcard is tried before any wildcard route; " +
            "if paths[0] should take such requests, add a route for them or make the templates disjoint"], warnings);
    }

    [Fact]
    public void Check_WildcardsCrossed_LiteralBranchWinsOverMoreSegments()
    {
        var warnings = RuleHarness.Check(new AmbiguousOverlapRule(), "GET /{x}/b/{.+}", "GET /a/{.+}");

        var warning = Assert.Single(warnings);
        Assert.StartsWith("warning: paths[1]: GET /a/{.+} overlaps paths[0] (GET /{x}/b/{.+}): a request such as GET /a/b matches both, " +
            "and paths[1] wins because at segment 1 the literal 'a' is tried before the parameter '{x}', although paths[0] has more segments;",
            warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET /users/{id}", "GET /users/me")]
    [InlineData("GET /users/me", "GET /users/{id}")]
    [InlineData("ANY /a/{x}", "GET /a/{x}")]
    [InlineData("ANY /{.+}", "GET /api/orders/{id}")]
    [InlineData("GET /a/{.+}", "GET /a/b/{.+}")]
    [InlineData("GET /a/{x}", "POST /{y}/b")]
    [InlineData("GET /a/{x}", "GET /{y}/c/d")]
    [InlineData("GET /a/{x}", "GET /b/{y}")]
    public void Check_NarrowerRouteOrNoSharedRequest_NoWarning(string first, string second)
    {
        Assert.Empty(RuleHarness.Check(new AmbiguousOverlapRule(), first, second));
    }

    [Fact]
    public void Check_ThirdRouteTakesTheSharedRequest_NoWarning()
    {
        Assert.Empty(RuleHarness.Check(new AmbiguousOverlapRule(), "GET /a/{x}", "GET /{y}/b", "GET /a/b"));
    }
}
