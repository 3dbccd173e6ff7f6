using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Cli.Serve;

/// <summary>The engine on Kestrel without Azure: what <c>gateway serve</c> runs, and what the integration tests start.</summary>
internal static class StandaloneGateway
{
    public const string DefaultUrl = "http://localhost:7071";

    public static WebApplication Build(IEnumerable<string> urls, string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json is read once, not watched: watching it watches the current folder and every folder under
        // it, which from '/' (a service's usual working directory) takes seconds before the first answer.
        var builder = WebApplication.CreateSlimBuilder([.. args ?? [], "--hostBuilder:reloadConfigOnChange=false"]);
        builder.WebHost.UseUrls([.. urls]);
        // The slim builder leaves HTTPS out; 'serve --urls https://...' with a configured certificate needs it.
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.UseGatewayDefaults());
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
