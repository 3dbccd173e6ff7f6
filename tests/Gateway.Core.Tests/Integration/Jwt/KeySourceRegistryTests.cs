using System.Net;
using FunctionGateway.Authorization;
using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Tests.Authorization;
using FunctionGateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Tests.Integration.Jwt;

/// <summary>
/// Signing keys and accepted tokens outlive reloads that do not change them: key sources and authorizers are
/// shared across config versions and between authorizers, and released when no served version uses them.
/// </summary>
public class KeySourceRegistryTests
{
    private static readonly TestKeys Rsa1 = TestKeys.NewRsa("rsa-1");

    private static Dictionary<string, object> Claims(string subject = "user-1")
    {
        var now = DateTimeOffset.UtcNow;
        return new Dictionary<string, object>
        {
            ["iss"] = "https://issuer.test",
            ["aud"] = "api://orders",
            ["sub"] = subject,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
        };
    }

    private static string Authorizer(string uri, string name = "", string key = "jwks_uri", string audience = "api://orders")
    {
        var named = name.Length == 0 ? "" : $"\"name\": \"{name}\", ";
        return $$"""{ {{named}}"type": "jwt", "algorithm": "RS256", "{{key}}": "{{uri}}", "issuer": "https://issuer.test", "audience": "{{audience}}" }""";
    }

    private static string Config(string authorizer, string extraPath = "", string authorizers = "[]") => $$"""
        { "authorizer": {{authorizer}}, "authorizers": {{authorizers}},
          "paths": [{ "method": "GET", "path": "/orders", "auth": true, "response": { "ok": true } }{{extraPath}}] }
        """;

    [Fact]
    public async Task Reload_UnrelatedRouteChangedWhileJwksDown_TokensStillAcceptedWithoutFetch()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);
        await using var gateway = await RunningGateway.StartAsync(Config(Authorizer(idp.JwksUri)));
        var token = TestTokens.Rs256(Rsa1, Claims());
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/orders", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/orders", token)).StatusCode);
        var before = Holder(gateway).Current!.Authorizers.Single();

        idp.Down = true;
        await gateway.ReloadAsync(Config(Authorizer(idp.JwksUri), """, { "method": "GET", "path": "/health", "response": "ok" }"""));
        var after = Holder(gateway).Current!.Authorizers.Single();
        var cachedAfterReload = after.Cache.Count;
        var same = await gateway.GetAsync("/orders", token);
        var another = await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa1, Claims("user-2")));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (same.StatusCode, another.StatusCode));
        Assert.Equal(1, idp.JwksRequests);
        // The authorizer itself is kept, and with it the tokens it had accepted.
        Assert.Same(before, after);
        Assert.Equal(1, cachedAfterReload);
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/health", null)).StatusCode);
    }

    [Fact]
    public async Task Reload_AuthorizerAudienceChangedWhileJwksDown_NewAuthorizerKeepsTheFetchedKeys()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);
        await using var gateway = await RunningGateway.StartAsync(Config(Authorizer(idp.JwksUri, audience: "api://old")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa1, Claims()))).StatusCode);
        var before = Holder(gateway).Current!.Authorizers.Single();

        idp.Down = true;
        await gateway.ReloadAsync(Config(Authorizer(idp.JwksUri)));
        var response = await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa1, Claims()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotSame(before, Holder(gateway).Current!.Authorizers.Single());
        Assert.Equal(1, idp.JwksRequests);
    }

    [Fact]
    public async Task TwoAuthorizers_OneJwksUri_OneFetch()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);
        var config = Config(Authorizer(idp.JwksUri),
            """, { "method": "GET", "path": "/partners", "auth": "partners", "response": { "ok": true } }""",
            $"[{Authorizer(idp.JwksUri, name: "partners")}]");
        await using var gateway = await RunningGateway.StartAsync(config);

        var first = await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa1, Claims()));
        var second = await gateway.GetAsync("/partners", TestTokens.Rs256(Rsa1, Claims()));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(1, idp.JwksRequests);
        Assert.Equal(1, Registry(gateway).KeySourceCount);
    }

    [Fact]
    public async Task Reload_AuthorizerRemoved_ItsSourceIsReleased()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);
        var partners = """, { "method": "GET", "path": "/partners", "auth": "partners", "response": { "ok": true } }""";
        await using var gateway = await RunningGateway.StartAsync(Config(Authorizer(idp.JwksUri), partners,
            $"[{Authorizer(idp.DiscoveryUri, name: "partners", key: "openid_configuration_uri")}]"));
        Assert.Equal((2, 2), (Registry(gateway).AuthorizerCount, Registry(gateway).KeySourceCount));

        await gateway.ReloadAsync(Config(Authorizer(idp.JwksUri)));

        Assert.Equal((1, 1), (Registry(gateway).AuthorizerCount, Registry(gateway).KeySourceCount));
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa1, Claims()))).StatusCode);
    }

    [Fact]
    public async Task Reload_SameConfigAgain_NothingAccumulates()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);
        var config = Config(Authorizer(idp.JwksUri));
        await using var gateway = await RunningGateway.StartAsync(config);

        for (var i = 0; i < 3; i++)
        {
            await gateway.ReloadAsync(config);
        }

        Assert.Equal((1, 1), (Registry(gateway).AuthorizerCount, Registry(gateway).KeySourceCount));
    }

    private static GatewayRuntimeHolder Holder(RunningGateway gateway) => gateway.Services.GetRequiredService<GatewayRuntimeHolder>();

    private static AuthorizerRegistry Registry(RunningGateway gateway) => gateway.Services.GetRequiredService<AuthorizerRegistry>();
}
