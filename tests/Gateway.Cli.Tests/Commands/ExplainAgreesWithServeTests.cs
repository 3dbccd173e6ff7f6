using System.Text.RegularExpressions;
using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests.Commands;

/// <summary>
/// The same requests sent to a running <c>gateway serve</c> and asked of <c>gateway explain</c>: the status,
/// <c>WWW-Authenticate</c> header and body must be identical, and explain's exit code must follow the status.
/// </summary>
public sealed partial class ExplainAgreesWithServeTests : IAsyncLifetime, IDisposable
{
    private readonly TempDir _dir = new();
    private LoopbackIdentityProvider _idp = null!;
    private ServeProcess _serve = null!;

    public async Task InitializeAsync()
    {
        _idp = await LoopbackIdentityProvider.StartAsync();
        TestConfigs.Write(_dir, TestConfigs.Gateway(_idp.JwksUri));
        _serve = await ServeProcess.StartAsync(_dir.Path, "gateway.json");
    }

    public async Task DisposeAsync()
    {
        await _serve.DisposeAsync();
        await _idp.DisposeAsync();
    }

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "good", "/orders", "hs" },
        { "expired", "/orders", "hs-expired" },
        { "wrong audience", "/orders", "hs-wrong-aud" },
        { "wrong signature", "/orders", "hs-wrong-secret" },
        { "claim rule fails", "/manage", "hs" },
        { "claim rule passes", "/manage", "minted-admin" },
        { "missing token", "/orders", "none" },
        { "not a JWT", "/orders", "garbage" },
        { "RS256 from the JWKS", "/partner", "rs" },
        { "kid not in the JWKS", "/partner", "rs-unknown-kid" },
        { "HS token on the RS authorizer", "/partner", "hs" },
        { "no route", "/nowhere", "none" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Explain_SameAnswerAsServe(string name, string path, string tokenKind)
    {
        var token = await TokenAsync(tokenKind);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _serve.Client.SendAsync(request);
        var served = (Status: (int)response.StatusCode, Challenge: response.Headers.WwwAuthenticate.ToString(), Body: await response.Content.ReadAsStringAsync());

        string[] args = token is null ? ["explain", "--config", "gateway.json", "--path", path] : ["explain", "--config", "gateway.json", "--path", path, "--token", token];
        var explained = await GatewayCommand.RunInAsync(_dir.Path, args);

        if (served.Status == 200)
        {
            Assert.True(explained.ExitCode == 0, $"{name}: serve answered 200 {served.Body}\n{explained}");
            Assert.Contains("Outcome   let through", explained.Stdout, StringComparison.Ordinal);
            return;
        }

        Assert.True(explained.ExitCode == 1, $"{name}: serve answered {served.Status}\n{explained}");
        var lines = explained.Stdout.ReplaceLineEndings("\n").Split('\n');
        var status = lines.Single(l => l.StartsWith("  HTTP/1.1 ", StringComparison.Ordinal));
        var challenge = lines.SingleOrDefault(l => l.StartsWith("  WWW-Authenticate: ", StringComparison.Ordinal))?["  WWW-Authenticate: ".Length..] ?? "";
        var body = lines.SkipWhile(l => l != status).Skip(1).First(l => l.StartsWith("  {", StringComparison.Ordinal)).Trim();
        Assert.Equal(served.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), status.Split(' ')[3]);
        Assert.Equal(WithoutClock(served.Challenge), WithoutClock(challenge));
        Assert.Equal(served.Body, body);
    }

    private async Task<string?> TokenAsync(string kind) => kind switch
    {
        "none" => null,
        "garbage" => "not-a-jwt",
        "hs" => TestJwt.Hs256(),
        "hs-expired" => TestJwt.Hs256(TestJwt.Claims(expires: DateTimeOffset.UtcNow.AddHours(-1))),
        "hs-wrong-aud" => TestJwt.Hs256(TestJwt.Claims(audience: "api://payments")),
        "hs-wrong-secret" => TestJwt.Hs256(secret: "some-other-secret-of-at-least-32-bytes"),
        "minted-admin" => (await GatewayCommand.RunInAsync(_dir.Path, "token", "--config", "gateway.json", "--claim", "scope=orders:admin")).Stdout.Trim(),
        "rs" => TestJwt.Rs256(_idp.Key, LoopbackIdentityProvider.KeyId),
        "rs-unknown-kid" => TestJwt.Rs256(_idp.Key, "rotated-away"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // The expiry reason names the gateway's clock, which moves between the two runs.
    private static string WithoutClock(string challenge) => ClockReading().Replace(challenge, "clock reads <now>");

    [GeneratedRegex(@"clock reads [0-9: -]+Z")]
    private static partial Regex ClockReading();
}
