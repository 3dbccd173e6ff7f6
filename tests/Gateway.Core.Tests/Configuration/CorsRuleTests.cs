using FunctionGateway.Configuration;
using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Configuration;

public class CorsRuleTests
{
    [Fact]
    public async Task Check_StarWithCredentials_WarnsButLoads()
    {
        var result = await TestServices.LoadAsync("""
            { "cors": { "allow_origins": ["*"], "allow_credentials": true }, "paths": [] }
            """);

        Assert.NotNull(result.Runtime);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(ConfigSeverity.Warning, issue.Severity);
        Assert.Equal("warning: cors.allow_origins: '*' with allow_credentials echoes any origin with credentials; list the origins instead", issue.ToString());
    }

    [Theory]
    [InlineData("""{ "allow_origins": ["*"] }""")]
    [InlineData("""{ "allow_origins": ["https://app.test"], "allow_credentials": true }""")]
    public async Task Check_StarWithoutCredentialsOrListedOrigins_NoIssue(string cors)
    {
        var result = await TestServices.LoadAsync($$"""{ "cors": {{cors}}, "paths": [] }""");

        Assert.Empty(result.Issues);
    }
}
