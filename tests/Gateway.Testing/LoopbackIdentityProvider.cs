using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Testing;

/// <summary>
/// A small identity provider on 127.0.0.1: a discovery document and a JWKS whose keys the test rotates, and
/// which the test can take down. It counts the key set requests, to show the gateway caches them.
/// </summary>
public sealed class LoopbackIdentityProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile string _jwks = """{"keys": []}""";
    private volatile bool _down;
    private int _jwksRequests;

    private LoopbackIdentityProvider(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string JwksUri => $"{BaseUrl}/keys";

    public string DiscoveryUri => $"{BaseUrl}/.well-known/openid-configuration";

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    /// <summary>When true every request is answered 503, as during an outage.</summary>
    public bool Down
    {
        set => _down = value;
    }

    public static async Task<LoopbackIdentityProvider> StartAsync(params TestKeys[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var provider = new LoopbackIdentityProvider(builder.Build());
        provider.Publish(keys);
        provider._app.Run(provider.HandleAsync);
        await provider._app.StartAsync();
        provider.BaseUrl = provider._app.Urls.Single();
        return provider;
    }

    public void Publish(params TestKeys[] keys) => _jwks = TestKeys.Jwks(keys);

    /// <summary>Serves this text as the key set, valid JSON or not.</summary>
    public void PublishRaw(string text) => _jwks = text;

    private Task HandleAsync(HttpContext context)
    {
        if (_down)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json";
        switch (context.Request.Path.Value)
        {
            case "/.well-known/openid-configuration":
                return context.Response.WriteAsync($$"""{"issuer": "{{BaseUrl}}", "jwks_uri": "{{JwksUri}}"}""");
            case "/keys":
                Interlocked.Increment(ref _jwksRequests);
                return context.Response.WriteAsync(_jwks);
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
