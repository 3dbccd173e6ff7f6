using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionGateway.Configuration;
using FunctionGateway.Tooling.Diagnostics;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FunctionGateway.Tooling.Tests.Diagnostics;

public class TokenMinterTests
{
    private static GatewayConfig Config(params AuthorizerConfig[] named) => new()
    {
        Authorizer = new AuthorizerConfig { Type = "jwt", Secret = TestKeys.Secret, Issuers = ["https://issuer.test"], Audiences = ["api://orders"] },
        Authorizers = named,
        Paths = [],
    };

    [Fact]
    public async Task Mint_DefaultAuthorizer_ItsIssuerAudienceAlgorithmAndTtl()
    {
        var token = await TokenMinter.MintAsync(Config(), new TokenRequest { Subject = "u1", Lifetime = TimeSpan.FromMinutes(5) }, TestTokens.Now);

        var jwt = new JsonWebToken(token);
        Assert.Equal(("HS256", "https://issuer.test", "api://orders", "u1"), (jwt.Alg, jwt.Issuer, jwt.Audiences.Single(), jwt.Subject));
        Assert.Equal(TestTokens.Now.AddMinutes(5).ToUnixTimeSeconds(), jwt.GetPayloadValue<long>("exp"));
    }

    [Fact]
    public async Task Mint_ClaimsAsJson_AcceptedByExplainAndTheEngine()
    {
        var request = new TokenRequest { Claims = [KeyValuePair.Create("scope", (JsonNode?)JsonValue.Create("orders:admin")), KeyValuePair.Create("n", JsonNode.Parse("3"))] };
        var token = await TokenMinter.MintAsync(Config(), request, TestTokens.Now);

        var explanation = await ExplainFixture.ExplainAsync(ExplainFixture.Config(), new ExplainRequest { Path = "/admin-area/x", Token = token });

        Assert.Equal(ExplainVerdict.Allowed, explanation.Verdict);
        Assert.Equal(JsonValueKind.Number, explanation.Authorizers.Single().TokenClaims!.Value.GetProperty("n").ValueKind);
    }

    [Fact]
    public async Task Mint_PublicKeyAuthorizer_RefusedWithWhy()
    {
        var rs = new AuthorizerConfig { Name = "partners", Type = "jwt", Algorithms = ["RS256"], JwksUri = "https://idp.test/keys?code=x" };

        var error = await Assert.ThrowsAsync<DiagnosticInputException>(() => TokenMinter.MintAsync(Config(rs), new TokenRequest { Authorizer = "partners" }, TestTokens.Now));

        Assert.StartsWith("authorizer 'partners' verifies RS256 tokens with keys from jwks_uri https://idp.test/keys; their private keys belong to the identity provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mint_UnknownAuthorizer_ListsTheKnownOnes()
    {
        var other = new AuthorizerConfig { Name = "internal", Type = "jwt", Secret = TestKeys.Secret };

        var error = await Assert.ThrowsAsync<DiagnosticInputException>(() => TokenMinter.MintAsync(Config(other), new TokenRequest { Authorizer = "nope" }, TestTokens.Now));

        Assert.Equal("no authorizer named 'nope' in the config; it has the default 'authorizer', 'internal'", error.Message);
    }

    [Fact]
    public async Task Mint_TtlOverMaxLifetime_Refused()
    {
        var config = Config() with { Authorizer = Config().Authorizer! with { MaxLifetimeSeconds = 600 } };

        var error = await Assert.ThrowsAsync<DiagnosticInputException>(() => TokenMinter.MintAsync(config, new TokenRequest(), TestTokens.Now));

        Assert.Equal("--ttl 3600s is longer than authorizer 'authorizer' allows (max_lifetime_seconds 600)", error.Message);
    }
}
