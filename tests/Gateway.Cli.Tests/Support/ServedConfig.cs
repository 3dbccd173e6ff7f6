using FunctionGateway.Cli.Serve;
using FunctionGateway.Testing;
using FunctionGateway.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Cli.Tests.Support;

/// <summary>A config file served by the gateway engine on Kestrel (what <c>gateway serve --config</c> runs) on a loopback port.</summary>
public sealed class ServedConfig : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServedConfig(WebApplication app)
    {
        _app = app;
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public static async Task<ServedConfig> StartAsync(string file, IDictionary<string, string?> settings)
    {
        var app = StandaloneGateway.Build(["http://127.0.0.1:0"], configure: builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddTestConfigSource(new FileConfigSource(file));
        });
        var result = await app.Services.LoadConfigAsync();
        Assert.True(result?.Runtime is not null, string.Join("\n", result?.Issues ?? []));
        await app.StartAsync();
        return new ServedConfig(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
