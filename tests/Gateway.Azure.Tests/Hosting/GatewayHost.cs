using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using FunctionGateway.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionGateway.Azure.Tests.Hosting;

/// <summary>
/// The standalone gateway on a free loopback port, configured the way an app's settings would, on a fake clock: the
/// config watcher polls its source when the test moves the clock (<see cref="PollAsync"/>), never on its own.
/// </summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, WatcherClock clock, LogCollector logs)
    {
        _app = app;
        Clock = clock;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(10) };
    }

    public HttpClient Client { get; }

    public LogCollector Logs { get; }

    public WatcherClock Clock { get; }

    public static async Task<GatewayHost> StartAsync(IDictionary<string, string?> settings)
    {
        var logs = new LogCollector();
        var clock = new WatcherClock();
        var app = LoopbackGateway.Build(builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.AddProvider(logs);
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Services.AddGatewayConfigSources(builder.Configuration);
        });
        clock.PollInterval = app.Services.GetRequiredService<IOptions<ConfigWatcherOptions>>().Value.PollInterval;
        await app.StartAsync();
        // The first load starts with the host; once the watcher waits for its next poll, it has ended.
        await clock.WaitForIdleAsync();
        return new GatewayHost(app, clock, logs);
    }

    /// <summary>Moves the clock to the watcher's next poll, <paramref name="polls"/> times, each time until that poll has ended.</summary>
    public Task PollAsync(int polls = 1) => Clock.PollAsync(polls);

    /// <summary>When the watcher last read its source, per the status endpoint.</summary>
    public async Task<DateTimeOffset> LastCheckedAtAsync() =>
        (await GetStatusAsync()).GetProperty("config").GetProperty("lastCheckedAt").GetDateTimeOffset();

    public async Task<JsonElement> GetStatusAsync() =>
        await Client.GetFromJsonAsync<JsonElement>("/.gateway/status");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Clock.Dispose();
    }
}
