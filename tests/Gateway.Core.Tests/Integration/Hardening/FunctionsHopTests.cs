using System.Net;
using System.Text;
using FunctionGateway.Engine;
using FunctionGateway.Configuration;
using FunctionGateway.Hosting;
using FunctionGateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FunctionGateway.Tests.Integration.Hardening;

/// <summary>
/// The request as the Azure Functions worker hands it to the engine. The host forwards the client's request to the
/// worker's own Kestrel on loopback with YARP's default transforms (X-Forwarded-For/Host/Proto set from its view of
/// the client) and adds <c>x-ms-invocation-id</c>; the worker's ASP.NET Core integration then runs ASP.NET Core's
/// forwarded-headers middleware (all X-Forwarded headers, no forward limit), which applies them and leaves
/// <c>X-Original-For/Host/Proto</c>. The upstream must see the client's request to the Function App, none of that.
/// </summary>
public sealed class FunctionsHopTests
{
    private const string InvocationId = "6f1d2a47-3b7e-4c1a-9d55-0e2f8c7b9a10";

    private static async Task<EchoedRequest> DispatchAsync(TestUpstream upstream, bool workerAppliesForwardedHeaders, string hostForwardedFor)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["JWT_SECRET"] = Tokens.Secret }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .Configure<GatewayHostOptions>(o => o.Kind = GatewayHostKind.AzureFunctions)
            .AddGatewayEngine()
            .AddTestConfigSource(new InMemoryConfigSource(UpstreamRequestTests.Config(upstream.Url)))
            .BuildServiceProvider();
        var loaded = await services.LoadConfigAsync();
        Assert.NotNull(loaded?.Runtime);
        var engine = services.GetRequiredService<GatewayEngine>();

        // What the host's request to the worker looks like on the worker's side.
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Connection.RemotePort = 50312;
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost", 38123);
        context.Request.Path = "/public/x";
        context.Request.Headers["X-Forwarded-For"] = hostForwardedFor;
        context.Request.Headers["X-Forwarded-Host"] = "orders-gateway.azurewebsites.net";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        context.Request.Headers["x-ms-invocation-id"] = InvocationId;
        context.Request.Headers["Forwarded"] = "for=6.6.6.6;host=evil.test";
        var body = new MemoryStream();
        context.Response.Body = body;

        RequestDelegate gateway = async c =>
        {
            if (await engine.MatchAsync(c) && await engine.AuthorizeAsync(c))
            {
                await engine.DispatchAsync(c);
            }
        };
        if (workerAppliesForwardedHeaders)
        {
            // The options the worker's ConfigureFunctionsWebApplication sets.
            var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.All, ForwardLimit = null };
            await new ForwardedHeadersMiddleware(gateway, NullLoggerFactory.Instance, Options.Create(options)).Invoke(context);
            Assert.Equal("localhost:38123", context.Request.Headers["X-Original-Host"]);
        }
        else
        {
            await gateway(context);
        }

        Assert.Equal(200, context.Response.StatusCode);
        return EchoedRequest.Parse(Encoding.UTF8.GetString(body.ToArray()));
    }

    [Theory]
    // The host sets X-Forwarded-For to the address the platform's front end reported.
    [InlineData(true, "203.0.113.7")]
    [InlineData(false, "203.0.113.7")]
    // Were the host to append instead, a client's own entries would sit left of it: never believed.
    [InlineData(true, "6.6.6.6, 203.0.113.7")]
    [InlineData(false, "6.6.6.6, 203.0.113.7")]
    public async Task Dispatch_UnderTheFunctionsHost_UpstreamSeesTheClientsRequestNotTheHop(bool workerAppliesForwardedHeaders, string hostForwardedFor)
    {
        await using var upstream = await TestUpstream.StartAsync();

        var echoed = await DispatchAsync(upstream, workerAppliesForwardedHeaders, hostForwardedFor);

        Assert.Equal("203.0.113.7", echoed.Headers["x-forwarded-for"]);
        Assert.Equal("orders-gateway.azurewebsites.net", echoed.Headers["x-forwarded-host"]);
        Assert.Equal("https", echoed.Headers["x-forwarded-proto"]);
        foreach (var hop in new[] { "x-ms-invocation-id", "x-original-for", "x-original-host", "x-original-proto", "x-original-prefix", "forwarded" })
        {
            Assert.False(echoed.Headers.ContainsKey(hop), $"{hop} reached the upstream");
        }

        Assert.DoesNotContain(echoed.Headers.Values, v => v.Contains(InvocationId, StringComparison.Ordinal)
            || v.Contains("38123", StringComparison.Ordinal) || v.Contains("6.6.6.6", StringComparison.Ordinal));
        Assert.Equal("/base/x", echoed.Path);
    }
}
