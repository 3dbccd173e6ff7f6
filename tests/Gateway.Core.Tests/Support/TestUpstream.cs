using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Tests.Support;

/// <summary>A real HTTP server on a free loopback port, standing in for the services behind the gateway.</summary>
internal sealed class TestUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly ConcurrentQueue<string> _received;

    private TestUpstream(WebApplication app, ConcurrentQueue<string> received, RelayGates relay)
    {
        _app = app;
        _received = received;
        Relay = relay;
    }

    public string Url => _app.Urls.First();

    /// <summary>The path of every request that reached this server, as it came on the wire.</summary>
    public IReadOnlyCollection<string> ReceivedPaths => _received;

    /// <summary>Signals of <c>/base/relay</c>, which proves that bodies are streamed, not buffered whole.</summary>
    public RelayGates Relay { get; }

    public static async Task<TestUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var gates = new RelayGates();
        builder.Services.AddSingleton(gates);
        var app = builder.Build();
        var received = new ConcurrentQueue<string>();
        app.Use((context, next) =>
        {
            received.Enqueue(context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget.Split('?')[0]);
            return next(context);
        });

        // /stream/**: the request body straight back, so a large body can be checked both ways.
        app.Map("/base/stream/{**rest}", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Request.Body.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        app.Map("/base/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        });
        // /relay: reports the first 16 KiB of the request body as soon as they have arrived; answers 4 bytes, then
        // (once the test says it has read them) the whole body's length.
        app.Map("/base/relay", async (HttpContext context) =>
        {
            var gates = context.RequestServices.GetRequiredService<RelayGates>();
            var head = new byte[RelayGates.HeadLength];
            await context.Request.Body.ReadExactlyAsync(head, context.RequestAborted);
            gates.RequestHeadReceived.TrySetResult(head);
            using var rest = new MemoryStream();
            await context.Request.Body.CopyToAsync(rest, context.RequestAborted);

            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync("resp"u8.ToArray(), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await gates.ResponseHeadRead.Task.WaitAsync(context.RequestAborted);
            await context.Response.WriteAsync($"{head.Length + rest.Length}", context.RequestAborted);
        });
        app.Map("/base/connection", (HttpContext context) =>
        {
            context.Response.Headers.Connection = "X-Hop, X-Other-Hop";
            context.Response.Headers["X-Hop"] = "upstream-connection-only";
            context.Response.Headers["X-Other-Hop"] = "upstream-connection-only";
            context.Response.Headers["X-End"] = "kept";
            return Results.Json(new { ok = true });
        });
        app.Map("/base/cors", (HttpContext context) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return Results.Json(new { ok = true });
        });

        // Everything else: what the upstream received, as JSON; the path as it came on the wire. A catch-all
        // route rather than MapFallback, whose 'nonfile' constraint would skip paths with dots in them.
        app.Map("/{**rest}", async (HttpContext context) =>
        {
            var request = context.Request;
            var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            var echo = new EchoedRequest(
                request.Method,
                rawTarget.Split('?')[0],
                request.QueryString.Value ?? "",
                request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()));
            await context.Response.WriteAsJsonAsync(echo);
        });

        await app.StartAsync();
        return new TestUpstream(app, received, gates);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record EchoedRequest(string Method, string Path, string Query, Dictionary<string, string> Headers)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<EchoedRequest> ReadAsync(HttpResponseMessage response) =>
        Parse(await response.Content.ReadAsStringAsync());

    public static EchoedRequest Parse(string json) => JsonSerializer.Deserialize<EchoedRequest>(json, Web)!;
}

internal sealed class RelayGates
{
    public const int HeadLength = 16 * 1024;

    public TaskCompletionSource<byte[]> RequestHeadReceived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource ResponseHeadRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
