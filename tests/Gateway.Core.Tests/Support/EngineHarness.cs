using System.Text;
using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Tests.Support;

/// <summary>Runs the engine's three steps on a <see cref="DefaultHttpContext"/>, for tests that need no network.</summary>
internal sealed class EngineHarness
{
    private readonly GatewayEngine _engine;

    private EngineHarness(GatewayEngine engine) => _engine = engine;

    public static async Task<EngineHarness> CreateAsync(string configJson, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var services = TestServices.Create(settings, time);
        var result = await services.GetRequiredService<ConfigPublisher>().LoadAsync(new InlineConfigSource(configJson), null, CancellationToken.None);
        Assert.True(result?.Runtime is not null, string.Join("\n", result?.Issues ?? []));
        return new EngineHarness(services.GetRequiredService<GatewayEngine>());
    }

    public async Task<(HttpContext Context, string Body)> SendAsync(string method, string path, Action<HttpRequest>? configure = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("gateway.test");
        var body = new MemoryStream();
        context.Response.Body = body;
        configure?.Invoke(context.Request);

        if (await _engine.MatchAsync(context) && await _engine.AuthorizeAsync(context))
        {
            await _engine.DispatchAsync(context);
        }

        return (context, Encoding.UTF8.GetString(body.ToArray()));
    }
}
