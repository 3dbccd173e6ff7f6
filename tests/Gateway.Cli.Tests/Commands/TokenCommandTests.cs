using System.Text.Json;
using FunctionGateway.Cli.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FunctionGateway.Cli.Tests.Commands;

public class TokenCommandTests
{
    private static async Task<CliResult> Token(TempDir dir, params string[] args) =>
        await GatewayCommand.RunInAsync(dir.Path, ["token", "--config", Path.Combine(dir.Path, "gateway.json"), .. args]);

    [Fact]
    public async Task Token_Default_PrintsOnlyTheTokenForTheDefaultAuthorizer()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());

        var result = await Token(dir, "--sub", "alice", "--ttl", "15m", "--at", "2026-03-06T10:00:00Z");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Stderr);
        var jwt = new JsonWebToken(result.Stdout.TrimEnd('\n', '\r'));
        Assert.Equal(("HS256", TestJwt.Issuer, TestJwt.Audience, "alice"), (jwt.Alg, jwt.Issuer, jwt.Audiences.Single(), jwt.Subject));
        Assert.Equal((1772791200L, 1772792100L), (jwt.GetPayloadValue<long>("iat"), jwt.GetPayloadValue<long>("exp")));
    }

    [Fact]
    public async Task Token_Claims_JsonWhenTheyParseElseStrings()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());

        var result = await Token(dir, "--claim", "scope=orders:read orders:write", "--claim", "level=3", "--claim", "roles=[\"a\",\"b\"]", "--claim", "ok=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        var payload = JsonDocument.Parse(new JsonWebToken(result.Stdout.Trim()).EncodedPayload is { } p
            ? Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(p) : "{}").RootElement;
        Assert.Equal("orders:read orders:write", payload.GetProperty("scope").GetString());
        Assert.Equal(3, payload.GetProperty("level").GetInt32());
        Assert.Equal(2, payload.GetProperty("roles").GetArrayLength());
        Assert.Equal(JsonValueKind.True, payload.GetProperty("ok").ValueKind);
    }

    [Fact]
    public async Task Token_Minted_PassesExplain()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());
        var token = (await Token(dir, "--claim", "scope=orders:admin")).Stdout.Trim();

        var result = await GatewayCommand.RunInAsync(dir.Path, "explain", "--config", "gateway.json", "--path", "/manage", "--token", token);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Token_PublicKeyAuthorizer_ExitsTwoAndSaysWhy()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway("https://idp.example.com/keys"));

        var result = await Token(dir, "--authorizer", "partners");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Contains("gateway token: authorizer 'partners' verifies RS256 tokens with keys from jwks_uri https://idp.example.com/keys; their private keys belong to the identity provider", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--authorizer", "nope" }, "gateway token: no authorizer named 'nope' in the config; it has the default 'authorizer'")]
    [InlineData(new[] { "--ttl", "soon" }, "gateway token: --ttl 'soon' is not a duration: give e.g. 90s, 15m, 1h, 1h30m, 7d or a number of seconds (above 0, at most 3650d)")]
    [InlineData(new[] { "--ttl", "0" }, "gateway token: --ttl '0' is not a duration")]
    [InlineData(new[] { "--at", "2026-13-45" }, "gateway token: --at '2026-13-45' is not a time")]
    [InlineData(new[] { "--claim", "=x" }, "gateway token: --claim: expected NAME=VALUE")]
    [InlineData(new[] { "--bogus" }, "Unrecognized command or argument '--bogus'.")]
    public async Task Token_BadInput_ExitsTwoAndSaysWhy(string[] args, string message)
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());

        var result = await Token(dir, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_MissingConfig_ExitsTwo()
    {
        using var dir = new TempDir();

        var result = await Token(dir);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"gateway token: cannot read --config '{Path.Combine(dir.Path, "gateway.json")}': no such file", result.Stderr.Trim());
    }

    [Fact]
    public async Task Token_MissingConfigGivenRelative_NamesThePathAsTyped()
    {
        using var dir = new TempDir();

        var result = await GatewayCommand.RunInAsync(dir.Path, "token", "--config", "configs/gateway.json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("gateway token: cannot read --config 'configs/gateway.json': no such file (its directory does not exist)", result.Stderr.Trim());
    }

    [Fact]
    public async Task Token_BrokenJson_ExitsTwo()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, "{ not json");

        var result = await Token(dir);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("is not a valid gateway config", result.Stderr, StringComparison.Ordinal);
    }
}
