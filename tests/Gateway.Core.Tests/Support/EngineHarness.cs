using FunctionGateway.Engine;
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
        var services = TestServices.Create(settings, time, new InMemoryConfigSource(configJson));
        var result = await services.LoadConfigAsync();
        Assert.True(result?.Runtime is not null, string.Join("\n", result?.Issues ?? []));
        return new EngineHarness(services.GetRequiredService<GatewayEngine>());
    }

    public Task<(HttpContext Context, string Body)> SendAsync(string method, string path, Action<HttpRequest>? configure = null) =>
        EngineRequest.SendAsync(_engine, method, path, configure);
}
