using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Tests.Support;

/// <summary>The engine on Kestrel (as <c>gateway serve</c> runs it) on a free loopback port.</summary>
internal sealed class RunningGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly InMemoryConfigSource _config;

    private RunningGateway(WebApplication app, InMemoryConfigSource config, CapturingLoggerProvider logs)
    {
        _app = app;
        _config = config;
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
        var config = new InMemoryConfigSource(configJson);
        var app = LoopbackGateway.Build(builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            builder.Logging.AddProvider(logs);
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }

            builder.Services.AddTestConfigSource(config);
        });
        var result = await app.Services.LoadConfigAsync();
        Assert.True(result?.Runtime is not null, string.Join("\n", result?.Issues ?? []));
        await app.StartAsync();
        return new RunningGateway(app, config, logs);
    }

    /// <summary>Puts a new version of the config in the source and has the watcher load it; it must be valid.</summary>
    public async Task ReloadAsync(string configJson)
    {
        _config.Update(configJson);
        var result = await Services.LoadConfigAsync();
        // Null when the watcher's own poll loaded the new version first.
        Assert.True(result is null || result.Runtime is not null, string.Join("\n", result?.Issues ?? []));
        Assert.Equal(_config.Tag, Services.GetRequiredService<FunctionGateway.Engine.GatewayRuntimeHolder>().Current?.Version.Tag);
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

    /// <summary>A GET with these headers as written (no validation) to a route proxied to a <see cref="TestUpstream"/>: what the upstream received.</summary>
    public async Task<EchoedRequest> GetEchoAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await EchoedRequest.ReadAsync(response);
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
