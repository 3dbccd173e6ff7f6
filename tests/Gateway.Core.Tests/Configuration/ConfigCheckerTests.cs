using FunctionGateway.Configuration;
using FunctionGateway.Secrets;
using Microsoft.Extensions.Configuration;
using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Tests.Configuration;

public class ConfigCheckerTests
{
    private const string WithReferences = """
        { "servers": [{ "alias": "orders", "url": "$env.ORDERS_URL" }],
          "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET" },
          "paths": [{ "method": "GET", "path": "/o/{.+}", "auth": true, "integration": { "type": "http_proxy", "server": "orders" } }] }
        """;

    [Fact]
    public void CheckUnresolved_ValuesFromReferences_NotJudgedAndListed()
    {
        var check = ConfigChecker.CheckUnresolved(WithReferences);

        Assert.True(check.IsValid, string.Join("; ", check.Issues));
        Assert.False(check.ReferencesResolved);
        Assert.Equal(["$env.ORDERS_URL at servers[0].url", "$secret.JWT_SECRET at authorizer.secret"],
            check.References.Select(r => $"{r.Text} at {r.Location}"));
    }

    [Fact]
    public void CheckUnresolved_LiteralValues_StillChecked()
    {
        var check = ConfigChecker.CheckUnresolved("""
            { "servers": [{ "alias": "orders", "url": "$env.ORDERS_URL" }, { "alias": "b", "url": "ftp://b" }],
              "authorizer": { "type": "jwt", "secret": "too-short" },
              "paths": [{ "method": "GET", "path": "/o", "integration": { "type": "http_proxy", "server": "$env.SERVER" } }] }
            """);

        Assert.Equal([
            "servers[1].url: must be an absolute http:// or https:// URL, such as 'https://orders.internal.example.com'",
            "authorizer.secret: is 9 bytes; HS256 needs a secret of at least 32 bytes",
        ], check.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task CheckAsync_MissingReference_OneErrorNotAlsoAJudgementOfItsText()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ORDERS_URL"] = "https://orders.example.com" }).Build();

        var check = await ConfigChecker.CheckAsync(WithReferences, settings, new ConfigurationSecretSource(settings), GatewayHostKind.Standalone);

        Assert.Equal(["authorizer.secret: unresolved reference '$secret.JWT_SECRET': no secret named 'JWT_SECRET' in app settings and environment variables"],
            check.Errors.Select(e => e.ToString()));
        Assert.Equal([true, false], check.References.Select(r => r.Resolved));
    }

    [Fact]
    public void CheckUnresolved_MalformedJson_NoConfigAndLineColumn()
    {
        var check = ConfigChecker.CheckUnresolved("{ \"paths\": [ }");

        Assert.Null(check.Config);
        Assert.False(check.IsValid);
        Assert.StartsWith("line 1, column 14: expected a value", Assert.Single(check.Issues).ToString(), StringComparison.Ordinal);
    }
}
