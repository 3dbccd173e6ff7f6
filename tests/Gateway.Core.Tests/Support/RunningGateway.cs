using System.Net.Sockets;
using System.Text;
using FunctionGateway.Hosting;
using FunctionGateway.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Tests.Support;

/// <summary>The engine on Kestrel (as <c>gateway serve</c> runs it) on a free loopback port.</summary>
internal sealed class RunningGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningGateway(WebApplication app, CapturingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(app.Urls.First()),
        };
    }

    public HttpClient Client { get; }

    public Uri Address => Client.BaseAddress!;

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningGateway> StartAsync(string configJson, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var logs = new CapturingLoggerProvider();
        var app = LoopbackGateway.Build(builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            builder.Logging.AddProvider(logs);
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }
        });
        var result = await app.Services.GetRequiredService<ConfigPublisher>().LoadAsync(new InlineConfigSource(configJson), null, CancellationToken.None);
        Assert.True(result?.Runtime is not null, string.Join("\n", result?.Issues ?? []));
        await app.StartAsync();
        return new RunningGateway(app, logs);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Sends a request written by hand (HttpClient would resolve dot segments itself) on a new connection.</summary>
    public async Task<(int Status, string Response)> SendRawAsync(string requestText)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(Address.Host, Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(requestText));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed class InlineConfigSource(string text) : IConfigSource
{
    public string Name => "inline config";

    public Task<ConfigSnapshot?> ReadAsync(string? currentTag, CancellationToken cancellationToken) =>
        Task.FromResult<ConfigSnapshot?>(new ConfigSnapshot(text, "inline"));
}
