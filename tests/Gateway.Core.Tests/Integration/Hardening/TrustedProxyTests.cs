using FunctionGateway.Hosting;
using FunctionGateway.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace FunctionGateway.Tests.Integration.Hardening;

/// <summary>
/// Gateway:Forwarding:TrustedProxies under <c>gateway serve</c>: X-Forwarded-For is read from the right through
/// the trusted proxies only, and the upstream gets exactly the first address none of them is.
/// </summary>
public sealed class TrustedProxyTests
{
    private static async Task<EchoedRequest> SendThroughAsync(string? trustedProxies, params (string Name, string Value)[] headers)
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await RunningGateway.StartAsync(UpstreamRequestTests.Config(upstream.Url),
            new Dictionary<string, string?> { ["JWT_SECRET"] = Tokens.Secret, ["Gateway:Forwarding:TrustedProxies"] = trustedProxies });
        return await gateway.GetEchoAsync("/public/x", headers);
    }

    [Theory]
    // No trusted proxy: the peer, whatever the client wrote.
    [InlineData(null, "6.6.6.6", "127.0.0.1")]
    // The peer is trusted: the rightmost entry it appended, nothing left of it.
    [InlineData("127.0.0.1", "6.6.6.6, 203.0.113.9", "203.0.113.9")]
    [InlineData("127.0.0.0/8", "6.6.6.6, 203.0.113.9, 127.0.0.2", "203.0.113.9")]
    [InlineData("127.0.0.1, 10.0.0.0/8", "6.6.6.6, 203.0.113.9, 10.1.2.3", "203.0.113.9")]
    [InlineData("127.0.0.1", "203.0.113.9:51234", "203.0.113.9")]
    [InlineData("127.0.0.1", "[2001:db8::7]:443", "2001:db8::7")]
    // An entry that is not an address ends the walk at the last address believed.
    [InlineData("127.0.0.1", "6.6.6.6, unknown", "127.0.0.1")]
    // A peer outside the list is not a proxy: its header is ignored.
    [InlineData("10.0.0.0/8", "6.6.6.6", "127.0.0.1")]
    public async Task Proxy_ForwardedFor_OnlyWhatTrustedProxiesReport(string? trusted, string clientForwardedFor, string expected)
    {
        var echoed = await SendThroughAsync(trusted, ("X-Forwarded-For", clientForwardedFor));

        Assert.Equal(expected, echoed.Headers["x-forwarded-for"]);
    }

    [Fact]
    public async Task Proxy_TrustedPeer_ItsHostAndSchemeDescribeTheClientRequest()
    {
        var echoed = await SendThroughAsync("127.0.0.1",
            ("X-Forwarded-For", "203.0.113.9"), ("X-Forwarded-Host", "api.example.com"), ("X-Forwarded-Proto", "https"));

        Assert.Equal(("203.0.113.9", "api.example.com", "https"),
            (echoed.Headers["x-forwarded-for"], echoed.Headers["x-forwarded-host"], echoed.Headers["x-forwarded-proto"]));
    }

    [Fact]
    public async Task Proxy_UntrustedPeer_HostAndSchemeAreTheGatewaysOwn()
    {
        var echoed = await SendThroughAsync(null,
            ("X-Forwarded-For", "203.0.113.9"), ("X-Forwarded-Host", "api.example.com"), ("X-Forwarded-Proto", "https"));

        Assert.Equal(("127.0.0.1", "http"), (echoed.Headers["x-forwarded-for"], echoed.Headers["x-forwarded-proto"]));
        Assert.NotEqual("api.example.com", echoed.Headers["x-forwarded-host"]);
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("proxy.internal")]
    [InlineData("10.0.0.1, 10.0.0.300")]
    public void Read_BadTrustedProxies_ProblemNamesTheSettingAndEntry(string value)
    {
        var settings = GatewaySettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:Forwarding:TrustedProxies"] = value }).Build());

        var problem = Assert.Single(settings.Problems);
        Assert.StartsWith("Gateway:Forwarding:TrustedProxies holds '", problem, StringComparison.Ordinal);
    }
}
