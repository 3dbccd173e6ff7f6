using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Azure.Tests.Hosting;

/// <summary>The standalone gateway on a free loopback port, configured the way an app's settings would.</summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, LogCollector logs)
    {
        _app = app;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(10) };
    }

    public HttpClient Client { get; }

    public LogCollector Logs { get; }

    public static async Task<GatewayHost> StartAsync(IDictionary<string, string?> settings)
    {
        var logs = new LogCollector();
        var app = LoopbackGateway.Build(builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.AddProvider(logs);
            builder.Services.AddGatewayConfigSources(builder.Configuration);
        });
        await app.StartAsync();
        return new GatewayHost(app, logs);
    }

    public async Task<JsonElement> GetStatusAsync() =>
        await Client.GetFromJsonAsync<JsonElement>("/.gateway/status");

    /// <summary>Polls until the condition holds; fails with the last status when it does not within the time given.</summary>
    public async Task EventuallyAsync(Func<Task<bool>> condition, string what, double seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var status = await Client.GetStringAsync("/.gateway/status");
                Assert.Fail($"{what} did not happen within {seconds} s. Status: {status}. Log: {string.Join(Environment.NewLine, Logs.Lines)}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
