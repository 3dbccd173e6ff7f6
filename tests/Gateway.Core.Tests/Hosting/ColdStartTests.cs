using System.Net;
using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Sources;
using FunctionGateway.Testing;
using FunctionGateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Tests.Hosting;

/// <summary>
/// The first request of a cold start arrives before the first config load has finished: it waits for that load,
/// within the startup wait, and fails at once only when the load fails. Time is the test's clock, never a wait.
/// </summary>
public class ColdStartTests
{
    private const string Config = """{ "paths": [{ "method": "GET", "path": "/health", "response": { "status": "ok" } }] }""";

    // Guards against a test hanging on a wait that should have ended; never part of what is asserted.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FirstRequest_SourceAnswersAfterTwoSeconds_GetsTheRoutesAnswer()
    {
        var time = new FakeTimeProvider();
        var source = new ScriptedConfigSource(Config, time) { Delay = TimeSpan.FromSeconds(2) };
        await using var app = await StartAsync(source, time);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var sent = client.GetAsync(new Uri("/health", UriKind.Relative));
        await source.ReadStarted.WaitAsync(Hang);
        time.Advance(TimeSpan.FromSeconds(2));
        using var response = await sent.WaitAsync(Hang);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Match_BeforeFirstLoadEnds_WaitsForItThenMatches()
    {
        var time = new FakeTimeProvider();
        var source = new ScriptedConfigSource(Config, time) { Delay = TimeSpan.FromSeconds(2) };
        await using var app = await StartAsync(source, time);
        var context = Request("/health");

        Assert.True(await MatchAcrossAsync(app, source, time, context, TimeSpan.FromSeconds(2)));
        Assert.Equal(200, context.Response.StatusCode);
    }

    [Fact]
    public async Task FirstRequest_SourceFails_503WithTheCauseWithoutWaiting()
    {
        var time = new FakeTimeProvider();
        var source = new ScriptedConfigSource(Config, time) { Failure = "cannot read blob 'gateway/gateway.json': storage is unreachable" };
        await using var app = await StartAsync(source, time);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        // The clock never moves: only a wait that the failure ended lets this request be answered.
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative)).WaitAsync(Hang);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("ERR_CONFIG_UNAVAILABLE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("storage is unreachable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_SourceNeverAnswers_503AfterTheStartupWait()
    {
        var time = new FakeTimeProvider();
        var source = new ScriptedConfigSource(Config, time) { Delay = Timeout.InfiniteTimeSpan };
        await using var app = await StartAsync(source, time, new() { [GatewaySettings.StartupWaitSecondsKey] = "10" });
        var context = Request("/health");

        Assert.False(await MatchAcrossAsync(app, source, time, context, TimeSpan.FromSeconds(10)));
        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("the first load of the config from scripted config has not finished after 10 s; it goes on in the background",
            app.Services.GetRequiredService<GatewayRuntimeHolder>().UnavailableReason);
        // Past the wait, a request is answered at once.
        var late = Request("/health");
        Assert.False(await app.Services.GetRequiredService<GatewayEngine>().MatchAsync(late).AsTask().WaitAsync(Hang));
    }

    [Fact]
    public async Task Match_StartupWaitZero_503AtOnce()
    {
        var time = new FakeTimeProvider();
        var source = new ScriptedConfigSource(Config, time) { Delay = Timeout.InfiniteTimeSpan };
        await using var app = await StartAsync(source, time, new() { [GatewaySettings.StartupWaitSecondsKey] = "0" });

        // The clock never moves: a request that waited would not be answered.
        var context = Request("/health");
        Assert.False(await app.Services.GetRequiredService<GatewayEngine>().MatchAsync(context).AsTask().WaitAsync(Hang));
        Assert.Equal(503, context.Response.StatusCode);
    }

    [Fact]
    public async Task FirstCheck_HostStarted_CompletesWithTheFirstLoadAndTheHostDidNotWaitForIt()
    {
        var time = new FakeTimeProvider();
        var source = new ScriptedConfigSource(Config, time) { Delay = TimeSpan.FromSeconds(2) };
        await using var app = await StartAsync(source, time);
        var watcher = app.Services.GetRequiredService<ConfigWatcher>();

        // The host has started while the first read still waits on the clock.
        await source.ReadStarted.WaitAsync(Hang);
        Assert.False(watcher.FirstCheck.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        var result = await watcher.FirstCheck.WaitAsync(Hang);

        Assert.NotNull(result?.Runtime);
        Assert.Same(result.Runtime, app.Services.GetRequiredService<GatewayRuntimeHolder>().Current);
    }

    [Fact]
    public async Task FirstCheck_SourceFails_CompletesWithNullAndTheStatusSaysWhy()
    {
        var time = new FakeTimeProvider();
        var source = new ScriptedConfigSource(Config, time) { Failure = "cannot read file 'gateway.json': no such file" };
        await using var app = await StartAsync(source, time);
        var watcher = app.Services.GetRequiredService<ConfigWatcher>();

        Assert.Null(await watcher.FirstCheck.WaitAsync(Hang));
        Assert.Equal("cannot read file 'gateway.json': no such file", watcher.Status.SourceError);
    }

    // Starts a match once the first read is waiting on the clock, and moves the clock to just before the moment
    // the wait must end, where the match must still be pending, then to that moment.
    private static async Task<bool> MatchAcrossAsync(WebApplication app, ScriptedConfigSource source, FakeTimeProvider time,
        HttpContext context, TimeSpan end)
    {
        await source.ReadStarted.WaitAsync(Hang);
        var match = app.Services.GetRequiredService<GatewayEngine>().MatchAsync(context).AsTask();
        time.Advance(end - TimeSpan.FromSeconds(0.1));
        Assert.False(match.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        return await match.WaitAsync(Hang);
    }

    private static async Task<WebApplication> StartAsync(IConfigSource source, TimeProvider time, Dictionary<string, string?>? settings = null)
    {
        var app = LoopbackGateway.Build(builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings ?? []);
            builder.Services.AddSingleton(time);
            builder.Services.AddSingleton(source);
            builder.Services.AddGatewayConfigWatcher();
        });
        await app.StartAsync();
        return app;
    }

    private static DefaultHttpContext Request(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }
}
