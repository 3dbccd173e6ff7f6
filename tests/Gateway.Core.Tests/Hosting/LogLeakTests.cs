using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Testing;
using FunctionGateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Tests.Hosting;

/// <summary>
/// No token, query value or mapped identity in any log line or trace span of <c>gateway serve</c>, with every
/// category turned up to Trace by the operator: tokens sent in each token source (header, query, cookie), accepted
/// and refused, forwarded to an upstream with the identity mapped into a header and a query, and to one that is down.
/// </summary>
public sealed class LogLeakTests : IDisposable
{
    private const string Identity = "identity-7f3a9c";
    private const string QueryValue = "query-value-51d2";

    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public LogLeakTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Serve_TokensInEverySource_NeverLoggedNorTraced()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var app = LoopbackGateway.Build(builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["JWT_SECRET"] = Tokens.Secret,
            });
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(logs);
            builder.Services.AddTestConfigSource(new InMemoryConfigSource(LeakProbe.Config(upstream.Url)));
        });
        var loaded = await app.Services.LoadConfigAsync();
        Assert.True(loaded?.Runtime is not null, string.Join("\n", loaded?.Issues ?? []));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var token = Tokens.Hs256(new() { ["sub"] = Identity });
        var statuses = new List<HttpStatusCode>();
        foreach (var request in LeakProbe.Requests(token))
        {
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        await app.StopAsync();

        // The requests went where they were meant to, and the log and the spans did record them.
        Assert.Equal(LeakProbe.ExpectedStatuses, statuses);
        Assert.Contains(logs.Lines, l => l.Contains("GET /p/a route=GET /p/{.+} status=200", StringComparison.Ordinal));
        var spans = _spans.Where(s => s.GetTagItem(GatewayActivityTags.Route) is not null).ToList();
        Assert.Contains(spans, s => s.GetTagItem(GatewayActivityTags.UpstreamStatus) is 200 && s.GetTagItem(GatewayActivityTags.Auth) is "ok");
        Assert.Contains(spans, s => s.GetTagItem(GatewayActivityTags.Error) is "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
        Assert.Contains(spans, s => s.GetTagItem(GatewayActivityTags.Error) is "ERR_UPSTREAM_UNREACHABLE");

        var spanText = spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName));
        foreach (var text in logs.Lines.Concat(spanText))
        {
            foreach (var secret in LeakProbe.Secrets(token, Identity, QueryValue))
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>What every host is driven with, and what must never come out of it.</summary>
    private static class LeakProbe
    {
        public static readonly HttpStatusCode[] ExpectedStatuses =
        [
            HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK,
            HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.BadGateway,
        ];

        public static string Config(string upstream) => $$"""
            {
              "servers": [{ "alias": "up", "url": "{{upstream}}/base" }, { "alias": "down", "url": "http://127.0.0.1:1" }],
              "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "algorithm": "HS256",
                "token_sources": [{ "header": "Authorization", "prefix": "Bearer " }, { "query": "access_token" }, { "cookie": "session" }] },
              "paths": [
                { "method": "GET", "path": "/p/{.+}", "auth": true, "integration": { "type": "http_proxy", "server": "up" },
                  "mapping": { "headers": { "x-user": "$request.jwt.sub" }, "query": { "uid": "$request.jwt.sub" } } },
                { "method": "GET", "path": "/down", "auth": true, "integration": { "type": "http_proxy", "server": "down" } }
              ]
            }
            """;

        public static IEnumerable<HttpRequestMessage> Requests(string token)
        {
            var tampered = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
            foreach (var t in new[] { token, tampered })
            {
                yield return Get($"/p/a?x={QueryValue}", r => r.Headers.Authorization = new("Bearer", t));
                yield return Get($"/p/a?access_token={t}&x={QueryValue}");
                yield return Get($"/p/a?x={QueryValue}", r => r.Headers.Add("Cookie", $"session={t}"));
            }

            yield return Get($"/down?access_token={token}&x={QueryValue}");
        }

        /// <summary>The token, each of its parts, the identity mapped from it and a query value.</summary>
        public static IEnumerable<string> Secrets(string token, string identity, string queryValue) =>
            [token, .. token.Split('.'), identity, queryValue, Tokens.Secret];

        private static HttpRequestMessage Get(string path, Action<HttpRequestMessage>? configure = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            configure?.Invoke(request);
            return request;
        }
    }
}
