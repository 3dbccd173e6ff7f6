using System.CommandLine;
using FunctionGateway.Cli.Serve;
using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Cli.Commands;

/// <summary>
/// <c>gateway serve [--config &lt;file&gt;] [--urls &lt;url&gt;]</c>: the engine on Kestrel. The config comes from
/// the file, or without <c>--config</c> from the <c>Gateway:Config:*</c> settings (a blob), and is reloaded on change.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config", "-c")
        {
            Description = "The gateway config file (JSON). Without it, the config blob named by the Gateway__Config__* settings.",
        };
        var urls = new Option<string[]>("--urls")
        {
            Description = $"URLs to listen on, separated by ';' (default {StandaloneGateway.DefaultUrl}).",
            DefaultValueFactory = _ => [StandaloneGateway.DefaultUrl],
        };
        var command = new Command("serve", "Serve a config on Kestrel, reloading it when it changes.") { config, urls };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(config), result.GetRequiredValue(urls), result.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? configFile, string[] urls, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var addresses = urls.SelectMany(u => u.Split(';', StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (ListenFailure.InvalidUrl(addresses) is { } invalid)
        {
            await console.Error.WriteLineAsync(invalid);
            return 1;
        }

        // Disposed on every exit, so that the log lines still queued (a rejected config's, say) are written.
        await using var app = StandaloneGateway.Build(addresses, configure: builder =>
        {
            if (configFile is not null)
            {
                // Named as typed (FileInfo.ToString()), so that its errors read as those of the other commands.
                builder.Services.AddSingleton<IConfigSource>(new FileConfigSource(configFile.ToString()));
            }

            builder.Services.AddGatewayConfigSources(builder.Configuration);
            builder.Services.AddGatewayRedisRateLimits(builder.Configuration);
            // A failed start is reported below in one line; the host would log it again with a stack trace.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
            // The host says it listens as soon as it does, before the file has loaded: ServeLog says it once served.
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        });

        // Unlike the Function App, which must answer (503, naming the bad settings), serve does not start on bad
        // settings: it names each one, before it listens.
        var settings = app.Services.GetRequiredService<GatewaySettings>();
        if (settings.Problems.Count > 0)
        {
            foreach (var problem in settings.Problems)
            {
                await console.Error.WriteLineAsync(problem);
            }

            return 1;
        }

        // A config file must be valid at start; without one, the blob is loaded by the watcher as the host starts.
        if (configFile is null && settings.ConfigPath is null && !settings.HasBlob)
        {
            await console.Error.WriteLineAsync(
                $"No config: pass --config <file>, or set {GatewaySettings.ConfigPathKey} (environment: Gateway__Config__Path), " +
                $"{GatewaySettings.BlobUriKey} (environment: Gateway__Config__BlobUri), " +
                $"or {GatewaySettings.ConnectionStringKey} with {GatewaySettings.ContainerKey} and {GatewaySettings.BlobKey}.");
            return 1;
        }

        // The watcher's first load starts with the host and runs while Kestrel starts, so that a start pays for the
        // longer of the two rather than both (docs/performance.md, "Start-up"). A request that arrives first waits
        // for it (Gateway:Config:StartupWaitSeconds); a file that cannot be served stops the host before it serves anything.
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ListenFailure.Describe(ex, addresses) is { } problem)
        {
            await console.Error.WriteLineAsync(problem);
            return 1;
        }

        ConfigLoadResult? loaded = null;
        if (configFile is not null || settings.ConfigPath is not null)
        {
            loaded = await FirstLoadAsync(app, console, cancellationToken);
            if (loaded is null)
            {
                await app.StopAsync(CancellationToken.None);
                return 1;
            }
        }

        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(ServeLog.Category);
        foreach (var address in app.Urls)
        {
            ServeLog.Listening(log, address);
        }

        app.Lifetime.ApplicationStopping.Register(() => ServeLog.ShuttingDown(log));

        // The warnings of the checks that never decide whether a config is served come once it is.
        var warned = loaded is null ? Task.CompletedTask : WriteAsync(loaded.LaterWarnings, console.Error);
        await app.WaitForShutdownAsync(cancellationToken);
        await warned;
        return 0;
    }

    // A config file, given on the command line or in Gateway:Config:Path, must be valid at start: fail fast rather than serve 503s.
    // Returns the load that is served, or null.
    private static async Task<ConfigLoadResult?> FirstLoadAsync(WebApplication app, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var watcher = app.Services.GetRequiredService<ConfigWatcher>();
        var result = await watcher.FirstCheck.WaitAsync(cancellationToken);
        foreach (var issue in result?.Issues ?? [])
        {
            await console.Error.WriteLineAsync(issue.ToString());
        }

        if (app.Services.GetRequiredService<GatewayRuntimeHolder>().Current is not null)
        {
            return result;
        }

        var status = watcher.Status;
        await console.Error.WriteLineAsync(status.SourceError
            ?? $"{status.Source} is not a valid gateway config ({result?.Errors.Count() ?? 0} error(s)); nothing served.");
        return null;
    }

    private static async Task WriteAsync(Task<IReadOnlyList<ConfigIssue>> warnings, TextWriter error)
    {
        IReadOnlyList<ConfigIssue> found;
        try
        {
            found = await warnings;
        }
#pragma warning disable CA1031 // The watcher logs the failure of the same task; serve keeps serving.
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }

        foreach (var warning in found)
        {
            await error.WriteLineAsync(warning.ToString());
        }
    }
}
