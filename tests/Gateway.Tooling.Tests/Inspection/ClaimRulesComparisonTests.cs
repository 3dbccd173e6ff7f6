using FunctionGateway.Configuration;
using FunctionGateway.Tooling.Inspection;

namespace FunctionGateway.Tooling.Tests.Inspection;

public class ClaimRulesComparisonTests
{
    private static AuthorizationConfig Rules(string? all = null, string? any = null) => new()
    {
        RequireAll = Parse(all),
        RequireAny = Parse(any),
    };

    // "scope=a|b;role=x" is two rules: scope in [a, b] and role in [x].
    private static List<ClaimRuleConfig> Parse(string? text) => text is null ? [] :
        [.. text.Split(';').Select(r => new ClaimRuleConfig { Claim = r.Split('=')[0], Values = r.Split('=')[1].Split('|') })];

    [Theory]
    [InlineData("scope=a", null, "scope=a|b", null, "require_all accepts more values of 'scope': b")]
    [InlineData("scope=a;role=x", null, "scope=a", null, "require_all no longer checks 'role'")]
    [InlineData(null, "role=x", null, null, "require_any is gone (it needed one of: role)")]
    [InlineData(null, "role=x", null, "role=x;tier=gold", "require_any accepts a new alternative: 'tier' in gold")]
    public void Weakenings_AcceptsMore_SaysHow(string? oldAll, string? oldAny, string? newAll, string? newAny, string expected)
    {
        var weaker = ClaimRulesComparison.Weakenings(Rules(oldAll, oldAny), Rules(newAll, newAny));

        Assert.Equal([expected], weaker);
    }

    [Theory]
    [InlineData("scope=a|b", null, "scope=a", null)]
    [InlineData("scope=a", null, "scope=a;role=x", null)]
    [InlineData(null, "role=x|y", null, "role=x")]
    [InlineData(null, null, "scope=a", null)]
    [InlineData("scope=a", "role=x", "scope=a", "role=x")]
    public void Weakenings_AcceptsNoMore_Empty(string? oldAll, string? oldAny, string? newAll, string? newAny)
    {
        Assert.Empty(ClaimRulesComparison.Weakenings(Rules(oldAll, oldAny), Rules(newAll, newAny)));
    }
}
