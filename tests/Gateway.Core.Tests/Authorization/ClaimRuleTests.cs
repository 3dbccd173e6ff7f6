using System.Text.Json;
using FunctionGateway.Authorization;
using FunctionGateway.Configuration;

namespace FunctionGateway.Tests.Authorization;

public class ClaimRuleTests
{
    [Theory]
    [InlineData("""{"role": "admin"}""", "role", "admin", true)]
    [InlineData("""{"role": "Admin"}""", "role", "admin", false)]
    [InlineData("""{"role": "admin user"}""", "role", "admin", false)]
    [InlineData("""{"scope": "orders:read orders:write"}""", "scope", "orders:write", true)]
    [InlineData("""{"scp": "orders:read  orders:write"}""", "scp", "orders:write", true)]
    [InlineData("""{"scope": "orders:read"}""", "scope", "orders:write", false)]
    [InlineData("""{"scope": "orders:writer"}""", "scope", "orders:write", false)]
    [InlineData("""{"roles": ["reader", "admin"]}""", "roles", "admin", true)]
    [InlineData("""{"roles": ["reader"]}""", "roles", "admin", false)]
    [InlineData("""{"roles": []}""", "roles", "admin", false)]
    [InlineData("""{"roles": [1, true, "x"]}""", "roles", "true", true)]
    [InlineData("""{"tier": 3}""", "tier", "3", true)]
    [InlineData("""{"tier": 3}""", "tier", "4", false)]
    [InlineData("""{"email_verified": true}""", "email_verified", "true", true)]
    [InlineData("""{"email_verified": false}""", "email_verified", "true", false)]
    [InlineData("""{"org": {"id": "admin"}}""", "org", "admin", false)]
    [InlineData("""{"org": null}""", "org", "null", false)]
    [InlineData("""{"roles": [["admin"]]}""", "roles", "admin", false)]
    [InlineData("""{}""", "role", "admin", false)]
    public void Matches_ClaimShapes_AsDocumented(string claims, string claim, string value, bool expected)
    {
        var rule = new ClaimRule(new ClaimRuleConfig { Claim = claim, Values = [value] });

        Assert.Equal(expected, rule.Matches(JsonDocument.Parse(claims).RootElement));
    }

    [Theory]
    [InlineData("""{"scope": "orders:write", "tenant": "a"}""", true, null)]
    [InlineData("""{"scope": "orders:write", "tenant": "c"}""", false, "the route requires claim 'tenant' with one of [a, b] (require_all)")]
    [InlineData("""{"scope": "orders:write", "tenant": "a", "roles": ["auditor"]}""", true, null)]
    [InlineData("""{"tenant": "a", "roles": ["guest"]}""", false,
        "the route requires one of: claim 'scope' with one of [orders:write]; claim 'roles' with one of [auditor] (require_any)")]
    public void TryCheck_RequireAllAndAny_AsDocumented(string claims, bool expected, string? reason)
    {
        var rules = new ClaimRuleSet(new AuthorizationConfig
        {
            RequireAll = [new ClaimRuleConfig { Claim = "tenant", Values = ["a", "b"] }],
            RequireAny = [new ClaimRuleConfig { Claim = "scope", Values = ["orders:write"] }, new ClaimRuleConfig { Claim = "roles", Values = ["auditor"] }],
        });

        Assert.Equal(expected, rules.TryCheck(JsonDocument.Parse(claims).RootElement, out var why));
        Assert.Equal(reason, why);
    }
}
