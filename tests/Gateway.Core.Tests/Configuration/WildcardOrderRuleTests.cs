using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Tests.Configuration;

public class WildcardOrderRuleTests
{
    [Fact]
    public void Check_WildcardDeclaredBeforeNarrowerRoutes_OneWarningNamingThem()
    {
        var warnings = RuleHarness.Check(new WildcardOrderRule(), "ANY /a/{.+}", "GET /health", "GET /a/{id}", "POST /a/b/{.+}");

        Assert.Equal(["warning: paths[0]: ANY /a/{.+} is declared before paths[2] (GET /a/{id}), paths[3] (POST /a/b/{.+}), " +
            "which take the requests they match from it: a narrower route wins wherever it is declared, not the first one in 'paths'; " +
            "declare the wildcard after them so the file reads in the order routes are tried"], warnings);
    }

    [Theory]
    [InlineData("GET /a/{id}", "ANY /a/{.+}")]
    [InlineData("ANY /a/{.+}", "GET /a/{.+}")]
    [InlineData("GET /a/{.+}", "POST /a/{id}")]
    [InlineData("GET /a/{.+}", "GET /b/{id}")]
    [InlineData("GET /users/{id}", "GET /users/me")]
    public void Check_WildcardAfterItsNarrowerRoutesOrNoneNarrower_NoWarning(string first, string second)
    {
        Assert.Empty(RuleHarness.Check(new WildcardOrderRule(), first, second));
    }
}
