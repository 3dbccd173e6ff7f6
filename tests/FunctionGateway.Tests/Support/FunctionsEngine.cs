using System.Text;
using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Functions.Tests.Support;

/// <summary>The real engine, registered as the Function App registers it (Azure Functions host kind), serving one config.</summary>
internal static class FunctionsEngine
{
    public static async Task<GatewayEngine> CreateAsync(string configJson, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .Configure<GatewayHostOptions>(o => o.Kind = GatewayHostKind.AzureFunctions)
            .AddGatewayEngine()
            .AddTestConfigSource(new InMemoryConfigSource(configJson))
            .BuildServiceProvider();
        var result = await services.LoadConfigAsync();
        Assert.True(result?.Runtime is not null, string.Join("\n", result?.Issues ?? []));
        return services.GetRequiredService<GatewayEngine>();
    }

    // What the worker's request pipeline gives every request: action results look their services up there.
    private static readonly IServiceProvider RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider();

    public static DefaultHttpContext Request(string method, string path, Action<HttpRequest>? configure = null)
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() }, RequestServices = RequestServices };
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("gateway.test");
        configure?.Invoke(context.Request);
        return context;
    }

    public static string Body(HttpContext context) => Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
}
