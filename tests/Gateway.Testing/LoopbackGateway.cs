using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Testing;

/// <summary>The engine on Kestrel on a free loopback port, wired as <c>gateway serve</c> wires it, without its console log.</summary>
public static class LoopbackGateway
{
    public static WebApplication Build(Action<WebApplicationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // The log filters both hosts apply, so that what a test reads in the log is what an operator would.
        builder.Logging.AddGatewayLogFilters();
        builder.Services.AddGatewayEngine();
        configure(builder);

        var app = builder.Build();
        app.UseGateway();
        return app;
    }
}
