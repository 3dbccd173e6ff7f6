using System.Text.Json;
using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests.Commands;

public class ExplainJsonTests
{
    private static async Task<CliResult> Explain(TempDir dir, params string[] args) =>
        await GatewayCommand.RunInAsync(dir.Path, ["explain", "--config", Path.Combine(dir.Path, "gateway.json"), "--format", "json", .. args]);

    [Fact]
    public async Task ExplainJson_ExpiredToken_SameVerdictChecksAndAnswerAsTheText()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());
        var token = TestJwt.Hs256(TestJwt.Claims(expires: new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero)));

        var result = await Explain(dir, "--path", "/orders?x=1", "--token", token, "--at", "2026-03-06T10:00:00Z", "-H", "X-Trace:abc");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("refused", root.GetProperty("verdict").GetString());
        Assert.Equal("2026-03-06T10:00:00Z", root.GetProperty("clock").GetString());
        Assert.True(root.GetProperty("clockGiven").GetBoolean());
        var request = root.GetProperty("request");
        Assert.Equal("/orders", request.GetProperty("path").GetString());
        Assert.Equal(["X-Trace", "Authorization"], request.GetProperty("headers").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(["x"], request.GetProperty("query").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(1, root.GetProperty("route").GetProperty("index").GetInt32());
        var exp = Assert.Single(root.GetProperty("authorizers")[0].GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "exp");
        Assert.Equal("failed", exp.GetProperty("status").GetString());
        Assert.Equal("ERR_JWT_EXPIRED", exp.GetProperty("error").GetProperty("code").GetString());
        var answer = root.GetProperty("answer");
        Assert.Equal(401, answer.GetProperty("status").GetInt32());
        Assert.Equal("ERR_JWT_EXPIRED", answer.GetProperty("code").GetString());
        Assert.Equal("""{"error":"Token has expired.","code":"ERR_JWT_EXPIRED"}""", answer.GetProperty("body").GetString());
        Assert.StartsWith("Bearer error=\"invalid_token\"", answer.GetProperty("wwwAuthenticate").GetString(), StringComparison.Ordinal);
        // Values of the request are never printed: the token only decoded, headers by name.
        Assert.DoesNotContain(token, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainJson_NoRoute_NullRouteAndTheNearMisses()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());

        var result = await Explain(dir, "--path", "/Orders");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("route").ValueKind);
        Assert.NotEqual(0, root.GetProperty("nearMisses").GetArrayLength());
        Assert.Equal(404, root.GetProperty("answer").GetProperty("status").GetInt32());
        Assert.Equal(0, root.GetProperty("authorizers").GetArrayLength());
    }

    [Fact]
    public async Task ExplainJson_ValidToken_AllowedWithNullAnswerStatus()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());

        var result = await Explain(dir, "--path", "/orders", "--token", TestJwt.Hs256());

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var answer = json.RootElement.GetProperty("answer");
        Assert.Equal("allowed", json.RootElement.GetProperty("verdict").GetString());
        Assert.True(answer.GetProperty("passedThrough").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("status").ValueKind);
        Assert.Equal("user-1", json.RootElement.GetProperty("authorizers")[0].GetProperty("tokenClaims").GetProperty("sub").GetString());
    }
}
