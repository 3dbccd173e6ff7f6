using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Cli.Serve;

/// <summary>The engine on Kestrel without Azure: what <c>gateway serve</c> runs, and what the integration tests start.</summary>
internal static class StandaloneGateway
{
    public const string DefaultUrl = "http://localhost:7071";

    public static WebApplication Build(IEnumerable<string> urls, string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls([.. urls]);
        // The slim builder leaves HTTPS out; 'serve --urls https://...' with a configured certificate needs it.
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Logging.ClearProviders();
        // One line per request is the gateway's access log: written in batches, it costs a queue write per request.
        builder.Logging.Services.AddSingleton<ILoggerProvider>(sp => new BatchedConsoleLoggerProvider(sp.GetRequiredService<TimeProvider>()));
        builder.Logging.AddGatewayLogFilters();
        builder.Services.AddGatewayEngine();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseGateway();
        return app;
    }
}
