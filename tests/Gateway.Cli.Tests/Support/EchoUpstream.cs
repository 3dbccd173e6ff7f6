using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Cli.Tests.Support;

/// <summary>A loopback HTTP server standing in for a back end: it answers every request with what it received.</summary>
public sealed class EchoUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoUpstream(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    public static async Task<EchoUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            var request = context.Request;
            await context.Response.WriteAsJsonAsync(new Echo(
                request.Method,
                context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget.Split('?')[0],
                request.QueryString.Value ?? "",
                request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString())));
        });
        await app.StartAsync();
        return new EchoUpstream(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>What the upstream received: method, path as sent on the wire, query and headers (lower-case names).</summary>
    public sealed record Echo(string Method, string Path, string Query, Dictionary<string, string> Headers)
    {
        private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

        public static async Task<Echo> ReadAsync(HttpResponseMessage response) =>
            JsonSerializer.Deserialize<Echo>(await response.Content.ReadAsStringAsync(), Web)!;
    }
}
