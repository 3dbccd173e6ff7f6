using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using FunctionGateway.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Functions.Tests;

/// <summary>
/// The Function App's logging pipeline (the worker's builder with the app's telemetry setup), turned up to Trace:
/// tokens sent in a header, a query and a cookie, accepted and refused, forwarded with the identity mapped into a
/// header and a query, never appear in any log line. YARP's "Proxying to" line, with the whole target URL, is
/// written at Information before the upstream is even reached.
/// </summary>
public class WorkerLoggingTests
{
    private const string Secret = "worker-logging-test-secret-0123456789";
    private const string Identity = "identity-2b8e41";
    private const string QueryValue = "query-value-9c07";

    private const string Config = """
        {
          "servers": [{ "alias": "down", "url": "http://127.0.0.1:1/base" }],
          "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "algorithm": "HS256",
            "token_sources": [{ "header": "Authorization", "prefix": "Bearer " }, { "query": "access_token" }, { "cookie": "session" }] },
          "paths": [{ "method": "GET", "path": "/p/{.+}", "auth": true, "integration": { "type": "http_proxy", "server": "down" },
                      "mapping": { "headers": { "x-user": "$request.jwt.sub" }, "query": { "uid": "$request.jwt.sub" } } }]
        }
        """;

    [Fact]
    public async Task FunctionApp_TokensInEverySource_NeverLogged()
    {
        var logs = new ConcurrentQueue<string>();
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["JWT_SECRET"] = Secret,
        });
        builder.AddGatewayTelemetry();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(new QueueLoggerProvider(logs));
        builder.Services.AddGatewayEngine();
        builder.Services.AddTestConfigSource(new InMemoryConfigSource(Config, "test config"));
        using var host = builder.Build();
        var loaded = await host.Services.LoadConfigAsync();
        Assert.True(loaded?.Runtime is not null, string.Join("\n", loaded?.Issues ?? []));
        var engine = host.Services.GetRequiredService<GatewayEngine>();

        var token = Token(Identity);
        var tampered = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var statuses = new List<int>();
        foreach (var t in new[] { token, tampered })
        {
            statuses.Add(await SendAsync(engine, $"?x={QueryValue}", r => r.Headers.Authorization = $"Bearer {t}"));
            statuses.Add(await SendAsync(engine, $"?access_token={t}&x={QueryValue}"));
            statuses.Add(await SendAsync(engine, $"?x={QueryValue}", r => r.Headers.Cookie = $"session={t}"));
        }

        Assert.Equal([502, 502, 502, 401, 401, 401], statuses);
        Assert.Contains(logs, l => l.Contains("Forwarding to server 'down' failed", StringComparison.Ordinal));
        foreach (var line in logs)
        {
            foreach (var secret in (string[])[token, .. token.Split('.'), Identity, QueryValue, Secret])
            {
                Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            }
        }
    }

    private static async Task<int> SendAsync(GatewayEngine engine, string query, Action<HttpRequest>? configure = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("gateway.test");
        context.Request.Path = "/p/a";
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        configure?.Invoke(context.Request);
        if (await engine.MatchAsync(context) && await engine.AuthorizeAsync(context))
        {
            await engine.DispatchAsync(context);
        }

        return context.Response.StatusCode;
    }

    private static string Token(string subject) =>
        new JsonWebTokenHandler().CreateToken(
            JsonSerializer.Serialize(new { sub = subject, exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() }),
            new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)), SecurityAlgorithms.HmacSha256));

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
