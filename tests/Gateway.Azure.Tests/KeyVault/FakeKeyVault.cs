using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Azure.Tests.KeyVault;

/// <summary>
/// The Key Vault secrets REST API on loopback HTTPS: the bearer challenge, then <c>GET /secrets/{name}</c>.
/// Records every request path, so tests can check that only referenced secrets are read and nothing is listed.
/// </summary>
internal sealed class FakeKeyVault : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;

    private FakeKeyVault(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
    }

    public Uri Uri { get; private set; } = null!;

    public ConcurrentDictionary<string, string> Secrets { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>When set, requests hang until the client gives up: a vault that does not answer.</summary>
    public bool Hang { get; set; }

    /// <summary>Completes when a request starts hanging (<see cref="Hang"/>).</summary>
    public TaskCompletionSource Hanging { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, authenticated reads are refused: an identity without the 'get' permission.</summary>
    public bool Forbidden { get; set; }

    public static async Task<FakeKeyVault> StartAsync()
    {
        var certificate = TestCertificate.Create();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var vault = new FakeKeyVault(app, certificate);
        app.Run(vault.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        vault.Uri = new Uri(address + "/");
        return vault;
    }

    /// <summary>The real SDK client, trusting this vault's certificate and nothing else.</summary>
    public SecretClient CreateClient(StaticTokenCredential? credential = null)
    {
        var expected = _certificate.RawData;
#pragma warning disable CA2000 // The transport owns the handler and lives as long as the client.
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.RawData.AsSpan().SequenceEqual(expected),
        };
#pragma warning restore CA2000
        var options = new SecretClientOptions
        {
            Transport = new HttpClientTransport(handler),
            DisableChallengeResourceVerification = true,
        };
        options.Retry.MaxRetries = 0;
        return new SecretClient(Uri, credential ?? new StaticTokenCredential(), options);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        Requests.Enqueue($"{request.Method} {request.Path}");
        if (Hang)
        {
            Hanging.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }

        if (request.Headers.Authorization != $"Bearer {StaticTokenCredential.Token}")
        {
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate =
                "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000\", resource=\"https://vault.azure.net\"";
            return;
        }

        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (!HttpMethods.IsGet(request.Method) || segments.Length is < 2 or > 3 || segments[0] != "secrets" || !request.Query.ContainsKey("api-version"))
        {
            await WriteErrorAsync(context, 400, "BadParameter", "The request is not a secret read.");
            return;
        }

        if (Forbidden)
        {
            await WriteErrorAsync(context, 403, "Forbidden", "The user, group or application does not have secrets get permission.");
            return;
        }

        var name = segments[1];
        if (!Secrets.TryGetValue(name, out var value))
        {
            await WriteErrorAsync(context, 404, "SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault.");
            return;
        }

        await context.Response.WriteAsJsonAsync(new
        {
            value,
            id = new Uri(Uri, $"secrets/{name}/0123456789abcdef").ToString(),
            attributes = new { enabled = true },
        });
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { code, message } });
    }
}
