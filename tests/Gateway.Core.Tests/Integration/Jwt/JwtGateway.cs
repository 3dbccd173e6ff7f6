using System.Net.Http.Headers;
using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Tests.Integration.Jwt;

/// <summary>The real gateway on Kestrel (127.0.0.1, a free port) serving one config.</summary>
internal sealed class JwtGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private JwtGateway(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public HttpClient Client { get; }

    public CapturedLogs Logs { get; }

    public static async Task<JwtGateway> StartAsync(string config)
    {
        var logs = new CapturedLogs();
        var app = StandaloneGateway.Build(["http://127.0.0.1:0"], configure: b => b.Logging.AddProvider(logs));
        await app.StartAsync();
        var result = await app.Services.GetRequiredService<GatewayConfigLoader>().LoadAsync(config, "test", "1");
        Assert.True(result.Runtime is not null, string.Join("; ", result.Issues));
        app.Services.GetRequiredService<GatewayRuntimeHolder>().Publish(result.Runtime);
        return new JwtGateway(app, logs);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
