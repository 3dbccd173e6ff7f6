using System.Runtime.Versioning;
using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests.Commands;

public class ExplainCommandTests
{
    private static async Task<CliResult> Explain(TempDir dir, params string[] args) =>
        await GatewayCommand.RunInAsync(dir.Path, ["explain", "--config", Path.Combine(dir.Path, "gateway.json"), .. args]);

    [Fact]
    public async Task Explain_ValidToken_ExitsZeroAndPrintsEachCheck()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());
        var token = TestJwt.Hs256();

        var result = await Explain(dir, "--path", "/orders", "--token", token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Route     GET /orders (paths[1]), auth: 'authorizer'", result.Stdout, StringComparison.Ordinal);
        foreach (var check in new[] { "token source", "token format", "algorithm", "key", "signature", "iss", "aud", "sub", "exp", "nbf", "iat", "lifetime" })
        {
            Assert.Contains($"[ok  ] {check,-13} expected", result.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("Outcome   let through to static", ValidateCommandTests.Lines(result.Stdout));
        Assert.Contains("\"sub\": \"user-1\"", result.Stdout, StringComparison.Ordinal);
        // The token only decoded, the secret only by length and reference.
        Assert.DoesNotContain(token, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(TestJwt.Secret, result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"secret, {TestJwt.Secret.Length} bytes, from $secret.JWT_SECRET", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_ExpiredToken_ExitsOneWithTheExactAnswer()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());
        var token = TestJwt.Hs256(TestJwt.Claims(expires: new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero)));

        var result = await Explain(dir, "--path", "/orders", "--token", token, "--at", "2026-03-06T10:00:00Z");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Clock     2026-03-06T10:00:00Z (--at)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[FAIL] exp", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("""
              HTTP/1.1 401 Unauthorized
              WWW-Authenticate: Bearer error="invalid_token", error_description="the token expired at 2026-03-06 09:00:00Z; the gateway's clock reads 2026-03-06 10:00:00Z"
              {"error":"Token has expired.","code":"ERR_JWT_EXPIRED"}
            """.ReplaceLineEndings("\n"), result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_NotAJwt_ExitsOneWithJwsInvalid()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());

        var result = await Explain(dir, "--path", "/orders", "--token", "hello");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("actual   the token has 1 parts; a signed JWT has three separated by dots  -> 401 ERR_JWS_INVALID", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_NoRoute_ExitsOneWithNearMissAndBody()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());

        var result = await Explain(dir, "--method", "DELETE", "--path", "/orders");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("GET /orders (paths[1]): the path matches, but the route's method is GET, not DELETE", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("""{"message":"No match found."}""", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_JwksFromLoopbackProvider_FetchedAndAccepted()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync();
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway(idp.JwksUri));

        var result = await Explain(dir, "--path", "/partner", "--token", TestJwt.Rs256(idp.Key, LoopbackIdentityProvider.KeyId));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"key: jwks_uri {idp.JwksUri}, 1 key(s): key-1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("actual   verified with key \"key-1\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_OfflineWithJwksUri_ExitsThreeAndSaysWhatDidNotRun()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway("http://127.0.0.1:9/keys"));
        using var rsa = System.Security.Cryptography.RSA.Create(2048);

        var result = await Explain(dir, "--path", "/partner", "--offline", "--token", TestJwt.Rs256(rsa, "key-1"));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("[skip] key", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("note     offline: the keys at http://127.0.0.1:9/keys were not fetched", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Outcome   undetermined", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_MissingConfigFile_ExitsTwoAndNamesIt()
    {
        using var dir = new TempDir();

        var result = await Explain(dir, "--path", "/orders");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"gateway explain: cannot read --config '{Path.Combine(dir.Path, "gateway.json")}': no such file", result.Stderr.Trim());
    }

    [Fact]
    public async Task Explain_BrokenJson_ExitsTwoWithTheLocation()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, """{"paths": [ {"method": "GET", """);

        var result = await Explain(dir, "--path", "/orders");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("gateway.json: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("is not a valid gateway config (1 error(s) above)", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Explain_UnresolvedSecret_ExitsTwoNamingTheReference()
    {
        using var dir = new TempDir();
        dir.Write("gateway.json", TestConfigs.Gateway());

        var result = await Explain(dir, "--path", "/orders");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("gateway.json: authorizer.secret: unresolved reference '$secret.JWT_SECRET'", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--path", "/orders", "--bogus" }, "Unrecognized command or argument '--bogus'.")]
    [InlineData(new[] { "--method", "GET" }, "Option '--path' is required.")]
    [InlineData(new[] { "--path", "/orders", "--at", "yesterday" }, "gateway explain: --at 'yesterday' is not a time: give ISO 8601 such as 2026-03-06T10:00:00Z, or Unix seconds such as 1772791200")]
    [InlineData(new[] { "--path", "orders" }, "gateway explain: --path 'orders' must start with '/', e.g. /private/orders")]
    [InlineData(new[] { "--path", "/orders", "--header", "no-colon" }, "gateway explain: --header: expected NAME:VALUE, got a value without ':' or with an empty or invalid name")]
    [InlineData(new[] { "--path", "/orders", "--token", "a", "--token-file", "t.txt" }, "gateway explain: give --token or --token-file, not both")]
    [InlineData(new[] { "--path", "/orders", "--token-file", "missing.txt" }, "gateway explain: cannot read --token-file 'missing.txt': no such file")]
    [InlineData(new[] { "--path", "/orders", "--token-file", "keys/token.txt" }, "gateway explain: cannot read --token-file 'keys/token.txt': no such file (its directory does not exist)")]
    [InlineData(new[] { "--path", "/orders", "--token-file", "." }, "gateway explain: cannot read --token-file '.': it is a directory, not a file")]
    [InlineData(new[] { "--path", "/orders", "--method", "GE T" }, "gateway explain: --method 'GE T' is not an HTTP method (GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD...)")]
    public async Task Explain_BadInput_ExitsTwoAndSaysWhy(string[] args, string message)
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());

        var result = await Explain(dir, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task Explain_UnreadableTokenFile_ExitsTwoPermissionDenied()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());
        var file = UnreadableFile.In(dir);

        var result = await Explain(dir, "--path", "/orders", "--token-file", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"gateway explain: cannot read --token-file '{file}': permission denied", result.Stderr.Trim());
    }

    [Fact]
    public async Task Explain_EmptyTokenFile_ExitsTwoNamingIt()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());
        dir.Write("token.txt", " \n");

        var result = await Explain(dir, "--path", "/orders", "--token-file", "token.txt");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("gateway explain: --token-file 'token.txt' is empty", result.Stderr.Trim());
    }

    [Fact]
    public async Task Explain_ConfigGivenRelativeIsADirectory_ExitsTwoNamingThePathAsTyped()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "conf"));

        var result = await GatewayCommand.RunInAsync(dir.Path, "explain", "--config", "conf", "--path", "/orders");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("gateway explain: cannot read --config 'conf': it is a directory, not a file", result.Stderr.Trim());
    }

    [Fact]
    public async Task Explain_TokenFile_ReadAndTrimmed()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());
        var file = dir.Write("token.txt", TestJwt.Hs256() + "\n");

        var result = await Explain(dir, "--path", "/orders", "--token-file", file);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Explain_HeaderWithoutBearer_SaysToAddThePrefix()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());

        var result = await Explain(dir, "--path", "/orders", "--header", $"Authorization: {TestJwt.Hs256()}");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("'Authorization' does not start with 'Bearer' (it holds a bare token: add the prefix)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("header Authorization (value not shown)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_TokenInThePathsQuery_NeverPrinted()
    {
        using var dir = new TempDir();
        TestConfigs.Write(dir, TestConfigs.Gateway());
        var token = TestJwt.Hs256();

        var result = await Explain(dir, "--path", $"/orders?access_token={token}", "--query", $"other={token}", "--cookie", $"sid={token}");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain(token, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Request   GET /orders\n          query access_token (value not shown)\n          query other (value not shown)",
            result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("          cookie sid (value not shown)", result.Stdout, StringComparison.Ordinal);
    }
}
