using System.Text;
using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Tests.Hosting;

/// <summary>Who may read the status endpoint: anyone under <c>gateway serve</c> without a key, only key holders with one, nobody under Functions without one.</summary>
public class StatusEndpointTests
{
    private const string Key = "status-key-0123456789abcdef";
    private const string Config = """{ "paths": [{ "method": "GET", "path": "/health", "response": { "ok": true } }] }""";

    [Fact]
    public async Task Status_StandaloneWithoutKey_IsServedToAnyone()
    {
        var (status, body) = await GetStatusAsync(GatewayHostKind.Standalone, key: null, sent: null);

        Assert.Equal(200, status);
        Assert.Contains("\"serving\": true", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_FunctionsWithoutKey_IsNotServedAndTheLogSaysWhy()
    {
        var logs = new CapturingLoggerProvider();

        var (status, body) = await GetStatusAsync(GatewayHostKind.AzureFunctions, key: null, sent: null, logs);

        // The path falls through to the routes, which do not have it.
        Assert.Equal(404, status);
        Assert.Equal("""{"message":"No match found."}""", body);
        Assert.Contains(logs.Lines, l => l.Contains(
            "The status endpoint /.gateway/status is not served: Gateway:Status:Path is set, but under Azure Functions the endpoint needs a key; set Gateway:Status:Key",
            StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(GatewayHostKind.AzureFunctions)]
    [InlineData(GatewayHostKind.Standalone)]
    public async Task Status_KeySetAndSent_IsServed(GatewayHostKind host)
    {
        var (status, body) = await GetStatusAsync(host, Key, sent: [Key]);

        Assert.Equal(200, status);
        Assert.DoesNotContain(Key, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GatewayHostKind.AzureFunctions)]
    [InlineData(GatewayHostKind.Standalone)]
    public async Task Status_KeySetAndHeaderMissing_Answers401NamingTheHeader(GatewayHostKind host)
    {
        var (status, body) = await GetStatusAsync(host, Key, sent: null);

        Assert.Equal(401, status);
        Assert.Equal("""{"error":"Status key missing or wrong","code":"ERR_STATUS_KEY","detail":"send the status key (the value of Gateway:Status:Key) in the X-Gateway-Status-Key header"}""", body);
    }

    [Theory]
    [InlineData("status-key-0123456789abcdeX")] // same length, last character differs
    [InlineData("status-key")] // a prefix
    [InlineData(Key + "0")] // longer
    [InlineData("STATUS-KEY-0123456789ABCDEF")] // case matters
    public async Task Status_WrongKey_Answers401WithoutShowingEither(string sent)
    {
        var (status, body) = await GetStatusAsync(GatewayHostKind.AzureFunctions, Key, sent: [sent]);

        Assert.Equal(401, status);
        Assert.Equal("""{"error":"Status key missing or wrong","code":"ERR_STATUS_KEY","detail":"the X-Gateway-Status-Key header does not hold the key set in Gateway:Status:Key"}""", body);
    }

    [Fact]
    public async Task Status_KeySentTwice_IsRefused()
    {
        var (status, _) = await GetStatusAsync(GatewayHostKind.AzureFunctions, Key, sent: [Key, Key]);

        Assert.Equal(401, status);
    }

    [Fact]
    public void Read_KeyTooShort_IsAProblemThatDoesNotShowIt()
    {
        var settings = ReadSettings(new() { ["Gateway:Status:Key"] = "short-key" });

        Assert.Equal("Gateway:Status:Key is shorter than 16 characters: use a long random value, such as the output of 'openssl rand -hex 32'",
            Assert.Single(settings.Problems));
        Assert.Null(settings.StatusKey);
    }

    [Fact]
    public void Read_Key_IsNeverPrintedWithTheSettings()
    {
        var settings = ReadSettings(new() { ["Gateway:Status:Key"] = Key });

        Assert.NotNull(settings.StatusKey);
        Assert.DoesNotContain(Key, settings.ToString(), StringComparison.Ordinal);
    }

    private static GatewaySettings ReadSettings(Dictionary<string, string?> values) =>
        GatewaySettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    private static async Task<(int Status, string Body)> GetStatusAsync(GatewayHostKind host, string? key, string[]? sent,
        CapturingLoggerProvider? logs = null)
    {
        var settings = new Dictionary<string, string?> { ["Gateway:Status:Path"] = "/.gateway/status", ["Gateway:Status:Key"] = key };
        using var services = WatcherServices.Create(Config, settings, logs ?? new CapturingLoggerProvider(), host);
        await services.GetRequiredService<ConfigWatcher>().CheckAsync(CancellationToken.None);
        var engine = services.GetRequiredService<GatewayEngine>();
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        context.Request.Method = "GET";
        context.Request.Path = "/.gateway/status";
        if (sent is not null)
        {
            context.Request.Headers[StatusKey.HeaderName] = sent;
        }

        await engine.MatchAsync(context);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }
}
