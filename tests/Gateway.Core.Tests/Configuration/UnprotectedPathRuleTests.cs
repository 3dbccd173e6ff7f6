using FunctionGateway.Configuration;
using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Tests.Configuration;

public class UnprotectedPathRuleTests
{
    private static readonly ServerConfig[] Servers =
    [
        new() { Alias = "orders", Url = "https://orders.example.com" },
        new() { Alias = "orders-again", Url = "https://orders.example.com/" },
        new() { Alias = "site", Url = "https://site.example.com" },
    ];

    [Fact]
    public void Check_WiderOpenProxyToSameServer_ListsBypassingRequests()
    {
        var warnings = RuleHarness.Check(new UnprotectedPathRule(), Servers, "ANY /orders/{.+} -> orders", "auth GET /orders/{id} -> orders");

        Assert.Equal(["warning: paths[1]: GET /orders/{id} requires a token, but paths[0] (ANY /orders/{.+}) has no auth and sends requests such as " +
            "HEAD /orders/{id}, POST /orders/{id}, PUT /orders/{id}, PATCH /orders/{id} and 2 more to the same server 'orders' without one; " +
            "protect paths[0] too, or narrow it so that it does not cover this path"], warnings);
    }

    [Fact]
    public void Check_AnyMethodProtected_OnlyTheTrailingSlashBypasses()
    {
        var warnings = RuleHarness.Check(new UnprotectedPathRule(), Servers, "auth ANY /orders/{id} -> orders", "GET /{.+} -> orders-again");

        var warning = Assert.Single(warnings);
        Assert.Contains("paths[1] (GET /{.+}) has no auth and sends requests such as GET /orders/{id}/ to the same server 'orders-again'", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ANY /orders/{.+} -> site")]
    [InlineData("auth ANY /orders/{.+} -> orders")]
    [InlineData("ANY /orders/{.+}")]
    [InlineData("GET /orders/{id}/items -> orders")]
    [InlineData("GET /orders/export -> orders")]
    public void Check_OtherServerProtectedStaticOrNarrower_NoWarning(string other)
    {
        Assert.Empty(RuleHarness.Check(new UnprotectedPathRule(), Servers, "auth ANY /orders/{id} -> orders", "auth ANY /orders/{id}/ -> orders", other));
    }
}
