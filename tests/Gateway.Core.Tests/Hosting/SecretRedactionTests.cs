using System.Text;
using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Tests.Hosting;

/// <summary>A config whose invalid values came from secrets: each place its errors reach shows the references, never the values.</summary>
public class SecretRedactionTests
{
    private const string JwksCode = "jwks-code-7f3a9c";
    private const string Origin = "https://app.example.com/origin-secret-51d2/";
    private const string SecretPath = "path-secret-88b1";

    private const string Config = """
        { "authorizer": { "type": "jwt", "algorithm": "RS256", "jwks_uri": "http://idp.example.com/keys?code=$secret.JWKS_CODE", "audience": "api" },
          "cors": { "allow_origins": ["$secret.ORIGIN", "$env.PUBLIC_ORIGIN"] },
          "paths": [{ "method": "GET", "path": "$secret.SECRET_PATH", "auth": true, "response": 1 }] }
        """;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["JWKS_CODE"] = JwksCode,
        ["ORIGIN"] = Origin,
        ["SECRET_PATH"] = SecretPath,
        ["PUBLIC_ORIGIN"] = "https://public.example.com/",
        ["Gateway:Status:Path"] = "/.gateway/status",
    };

    [Fact]
    public async Task LoadAsync_InvalidSecretValues_IssuesShowReferences()
    {
        var result = await TestServices.LoadAsync(Config, Settings);

        Assert.Equal(
        [
            "paths[0].path: '$secret.SECRET_PATH' must start with '/'",
            "authorizer.jwks_uri: 'http://idp.example.com/keys?code=$secret.JWKS_CODE' is not HTTPS; keys fetched over plain HTTP can be replaced in transit (only loopback hosts may use http://)",
            "cors.allow_origins[0]: '$secret.ORIGIN' is not an origin: use a scheme and host without a path, such as 'https://app.example.com' or 'https://*.example.org'",
            // $env values are settings, not secrets: shown as they are.
            "cors.allow_origins[1]: 'https://public.example.com/' is not an origin: use a scheme and host without a path, such as 'https://app.example.com' or 'https://*.example.org'",
        ], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Watcher_InvalidSecretValues_LogStatusAnd503NeverShowThem()
    {
        var logs = new CapturingLoggerProvider();
        using var services = WatcherServices.Create(Config, Settings, logs);
        var engine = services.GetRequiredService<GatewayEngine>();

        var result = await services.GetRequiredService<ConfigWatcher>().CheckAsync(CancellationToken.None);
        var (statusCode, status) = await SendAsync(engine, "/.gateway/status");
        var (unavailableCode, unavailable) = await SendAsync(engine, "/orders");

        var issues = string.Join("\n", result!.Issues);
        var log = string.Join("\n", logs.Lines);
        Assert.Equal(200, statusCode);
        Assert.Equal(503, unavailableCode);
        Assert.Equal("""{"error":"Gateway configuration is not available","code":"ERR_CONFIG_UNAVAILABLE","detail":"config rejected: 4 errors; see the gateway log or status endpoint"}""",
            unavailable);
        Assert.Contains("'$secret.ORIGIN' is not an origin", log, StringComparison.Ordinal);
        Assert.Contains("'$secret.ORIGIN' is not an origin", status, StringComparison.Ordinal);
        Assert.Contains("?code=$secret.JWKS_CODE", status, StringComparison.Ordinal);
        foreach (var secret in new[] { JwksCode, Origin, SecretPath })
        {
            Assert.DoesNotContain(secret, issues, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, status, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, unavailable, StringComparison.Ordinal);
        }
    }

    private static async Task<(int Status, string Body)> SendAsync(GatewayEngine engine, string path)
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        context.Request.Method = "GET";
        context.Request.Path = path;

        Assert.False(await engine.MatchAsync(context));
        return (context.Response.StatusCode, Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }
}
