using FunctionGateway.Routing;

namespace FunctionGateway.Tests.Routing;

public class RouteTableTests
{
    private sealed record TestRoute(RouteMethod Method, RouteTemplate Template, string Name) : IRoutable;

    private static RouteTable<TestRoute> Table(params string[] routes) => new(routes.Select(r =>
    {
        var (method, path) = (r.Split(' ')[0], r.Split(' ')[1]);
        Assert.True(RouteMethods.TryParse(method, out var m));
        Assert.True(RouteTemplate.TryParse(path, out var template, out var error), error);
        return new TestRoute(m, template!, r);
    }));

    [Theory]
    [InlineData("GET /users/me", "GET /users/me")]
    [InlineData("GET /users/42", "GET /users/{id}")]
    [InlineData("GET /users/42/orders", "GET /users/{.+}")]
    [InlineData("GET /users", "GET /users/{.+}")]
    [InlineData("POST /users/42", "ANY /users/{id}")]
    [InlineData("GET /other/a/b", "GET /{.+}")]
    [InlineData("GET /", "GET /")]
    public void Match_PriorityRules_PicksExpectedRoute(string request, string expected)
    {
        var table = Table("GET /users/me", "GET /users/{id}", "ANY /users/{id}", "GET /users/{.+}", "GET /{.+}", "GET /");
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1]);

        var match = table.Match(method, path);

        Assert.Equal(expected, match?.Route.Name);
    }

    [Theory]
    [InlineData("/p/", null)]
    [InlineData("/p//x", null)]
    [InlineData("/p/7", "GET /p/{id}")]
    [InlineData("/p/7/", null)]
    [InlineData("/p/7/x", "GET /p/{id}/x")]
    public void Match_ParameterOnEmptySegment_NoMatch(string path, string? expected)
    {
        var table = Table("GET /p/{id}", "GET /p/{id}/x");

        Assert.Equal(expected, table.Match("GET", path)?.Route.Name);
    }

    [Theory]
    [InlineData("/p/", "GET /p/{.+}")]
    [InlineData("/p//x", "GET /p/{.+}")]
    [InlineData("/p/7", "GET /p/{id}")]
    [InlineData("/q//", "GET /q/{.+}")]
    public void Match_ParameterOnEmptySegment_FallsToWildcard(string path, string expected)
    {
        var table = Table("GET /p/{id}", "GET /p/{.+}", "GET /q/{id}/{.+}", "GET /q/{.+}");

        Assert.Equal(expected, table.Match("GET", path)?.Route.Name);
    }

    [Theory]
    [InlineData("GET /a", "/a", "GET /a")]
    [InlineData("GET /a", "/a/", null)]
    [InlineData("GET /a/", "/a/", "GET /a/")]
    [InlineData("GET /a/", "/a", null)]
    [InlineData("GET /a/{.+}", "/a/", "GET /a/{.+}")]
    [InlineData("GET /a/{.+}", "/a", "GET /a/{.+}")]
    public void Match_TrailingSlash_IsASegmentOfItsOwn(string route, string path, string? expected)
    {
        Assert.Equal(expected, Table(route).Match("GET", path)?.Route.Name);
    }

    [Fact]
    public void Match_RouteWithoutParameters_SameMatchEveryTimeWithTheRequestsPath()
    {
        var table = Table("GET /users/me", "GET /users/{id}");
        var path = string.Concat("/users/", "me");

        var first = table.Match("GET", path);
        var second = table.Match("GET", path);

        Assert.Same(first, second);
        Assert.Equal(path, first!.Path);
        Assert.Equal(path, first.Remainder.ToString());
    }

    [Fact]
    public void Match_RouteWithParameter_EachMatchHoldsItsOwnPath()
    {
        var table = Table("GET /users/me", "GET /users/{id}");

        var first = table.Match("GET", "/users/1");
        var second = table.Match("GET", "/users/2");

        Assert.Equal(("1", "2"), (first!.GetParameter("id"), second!.GetParameter("id")));
        Assert.Equal("/users/2", second.Path);
    }

    [Fact]
    public void Match_ExactMethodAndAnyOnSameTemplate_ExactMethodWins()
    {
        var table = Table("ANY /a", "GET /a");

        Assert.Equal("GET /a", table.Match("GET", "/a")?.Route.Name);
        Assert.Equal("ANY /a", table.Match("DELETE", "/a")?.Route.Name);
        Assert.Equal("ANY /a", table.Match("PROPFIND", "/a")?.Route.Name);
    }

    [Fact]
    public void Match_ParameterisedBeatsWildcardEvenWhenWildcardIsDeeperLiteral()
    {
        var table = Table("GET /a/{.+}", "GET /{x}/b");

        Assert.Equal("GET /{x}/b", table.Match("GET", "/a/b")?.Route.Name);
        Assert.Equal("GET /a/{.+}", table.Match("GET", "/a/c")?.Route.Name);
    }

    [Fact]
    public void Match_DeeperWildcardWins()
    {
        var table = Table("GET /a/{.+}", "GET /a/b/{.+}");

        Assert.Equal("GET /a/b/{.+}", table.Match("GET", "/a/b/c")?.Route.Name);
        Assert.Equal("GET /a/b/{.+}", table.Match("GET", "/a/b")?.Route.Name);
        Assert.Equal("GET /a/{.+}", table.Match("GET", "/a/c/d")?.Route.Name);
    }

    [Theory]
    [InlineData("/a/x/y", "/x/y")]
    [InlineData("/a/x", "/x")]
    [InlineData("/a/", "/")]
    [InlineData("/a", "")]
    public void Match_Wildcard_RemainderKeepsLeadingSlash(string path, string remainder)
    {
        var match = Table("GET /a/{.+}").Match("GET", path);

        Assert.NotNull(match);
        Assert.Equal(remainder, match.Remainder.ToString());
    }

    [Theory]
    [InlineData("GET", "/Users/me")]
    [InlineData("GET", "/users/me/")]
    [InlineData("DELETE", "/users/me")]
    [InlineData("GET", "users/me")]
    [InlineData("GET", "")]
    public void Match_NoRoute_ReturnsNull(string method, string path)
    {
        Assert.Null(Table("GET /users/me", "GET /users/{id}").Match(method, path));
    }

    [Fact]
    public void Match_MethodMissOnLiteral_FallsBackToParameterRoute()
    {
        var table = Table("POST /users/me", "GET /users/{id}");

        Assert.Equal("GET /users/{id}", table.Match("GET", "/users/me")?.Route.Name);
    }

    [Fact]
    public void GetParameter_ReturnsSegmentValue()
    {
        var match = Table("GET /users/{id}/orders/{orderId}").Match("GET", "/users/7/orders/99");

        Assert.Equal("7", match?.GetParameter("id"));
        Assert.Equal("99", match?.GetParameter("orderId"));
        Assert.Null(match?.GetParameter("missing"));
    }

    [Fact]
    public void Match_TenThousandRoutes_FindsEach()
    {
        var routes = Enumerable.Range(0, 10_000).Select(i => $"GET /service{i}/items/{{id}}").ToArray();
        var table = Table(routes);

        Assert.Equal("GET /service9999/items/{id}", table.Match("GET", "/service9999/items/1")?.Route.Name);
        Assert.Equal("GET /service0/items/{id}", table.Match("GET", "/service0/items/1")?.Route.Name);
    }

    [Theory]
    [InlineData("users", "must start with '/'")]
    [InlineData("/a/{.+}/b", "may only be the last segment")]
    [InlineData("/a/x{id}", "mixes braces")]
    [InlineData("/a/{id}/{id}", "appears twice")]
    [InlineData("/a/../b", "not allowed")]
    public void TryParse_InvalidTemplate_SaysWhy(string text, string reason)
    {
        Assert.False(RouteTemplate.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void InPriorityOrder_WildcardUnderLiteralBranch_ListedBeforeDeeperWildcardUnderParameter()
    {
        // /a/b/c/d: the matcher exhausts the 'a' branch first, so /a/b/{.+} wins over the deeper /{p}/b/c/{.+}.
        var table = Table("GET /{p}/b/c/{.+}", "GET /a/b/{.+}", "GET /{.+}", "GET /a/{x}", "GET /a/b", "ANY /a/b");

        Assert.Equal(["GET /a/b", "ANY /a/b", "GET /a/{x}", "GET /a/b/{.+}", "GET /{p}/b/c/{.+}", "GET /{.+}"],
            table.InPriorityOrder().Select(r => r.Name));
        Assert.Equal("GET /a/b/{.+}", table.Match("GET", "/a/b/c/d")?.Route.Name);
    }

    [Theory]
    [InlineData("GET /a/b/c/d")]
    [InlineData("GET /a/b")]
    [InlineData("POST /a/b")]
    [InlineData("GET /a/x")]
    [InlineData("GET /z/b/c")]
    [InlineData("GET /z/b/c/d")]
    [InlineData("GET /a")]
    [InlineData("DELETE /a/b/c")]
    public void InPriorityOrder_FirstListedRouteThatMatches_IsTheMatchersChoice(string request)
    {
        var routes = new[] { "GET /{p}/b/c/{.+}", "GET /a/b/{.+}", "ANY /{.+}", "GET /a/{x}", "GET /a/b", "ANY /a/b", "POST /{x}/{y}", "GET /{x}/b/c" };
        var table = Table(routes);
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1]);

        var firstListed = table.InPriorityOrder().FirstOrDefault(r => Table(r.Name).Match(method, path) is not null);

        Assert.Equal(table.Match(method, path)?.Route.Name, firstListed?.Name);
    }
}
