using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Cli.Tests.Support;

/// <summary>An identity provider on 127.0.0.1 publishing one RSA key: a JWKS and a discovery document.</summary>
public sealed class LoopbackIdentityProvider : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackIdentityProvider(WebApplication app) => _app = app;

    public RSA Key { get; } = RSA.Create(2048);

    public const string KeyId = "key-1";

    public string BaseUrl => _app.Urls.Single();

    public string JwksUri => $"{BaseUrl}/keys";

    public string DiscoveryUri => $"{BaseUrl}/.well-known/openid-configuration";

    public static async Task<LoopbackIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var provider = new LoopbackIdentityProvider(builder.Build());
        provider._app.Run(provider.HandleAsync);
        await provider._app.StartAsync();
        return provider;
    }

    private Task HandleAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        var p = Key.ExportParameters(false);
        return context.Request.Path.Value switch
        {
            "/keys" => context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                keys = new[] { new { kty = "RSA", kid = KeyId, use = "sig", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } },
            })),
            "/.well-known/openid-configuration" => context.Response.WriteAsync($$"""{"issuer": "{{BaseUrl}}", "jwks_uri": "{{JwksUri}}"}"""),
            _ => Task.FromResult(context.Response.StatusCode = StatusCodes.Status404NotFound),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Key.Dispose();
    }
}
