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
using Microsoft.Extensions.Options;

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
            // Unlike the Function App, which must answer (503, naming the bad settings), serve does not start on bad settings.
            builder.Services.AddOptions<GatewayOptions>().ValidateOnStart();
            builder.Services.AddGatewayRedisRateLimits(builder.Configuration);
            // A failed start is reported below in one line; the host would log it again with a stack trace.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        });

        // Checked before the first load, which runs before the host starts (and checks them again).
        GatewaySettings settings;
        try
        {
            settings = GatewaySettings.From(app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value);
        }
        catch (OptionsValidationException e)
        {
            foreach (var problem in e.Failures)
            {
                await console.Error.WriteLineAsync(problem);
            }

            return 1;
        }

        // The warnings of the checks that never decide whether a config is served come once it is.
        Task<IReadOnlyList<ConfigIssue>>? laterWarnings = null;
        if (configFile is null && settings.ConfigPath is null)
        {
            if (!settings.HasBlob)
            {
                await console.Error.WriteLineAsync(
                    $"No config: pass --config <file>, or set {GatewaySettings.ConfigPathKey} (environment: Gateway__Config__Path), " +
                    $"{GatewaySettings.BlobUriKey} (environment: Gateway__Config__BlobUri), " +
                    $"or {GatewaySettings.ConnectionStringKey} with {GatewaySettings.ContainerKey} and {GatewaySettings.BlobKey}.");
                return 1;
            }
        }
        else if (await LoadFileAsync(app, console, cancellationToken) is { } loaded)
        {
            laterWarnings = loaded.LaterWarnings;
        }
        else
        {
            return 1;
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ListenFailure.Describe(ex, addresses) is { } problem)
        {
            await console.Error.WriteLineAsync(problem);
            return 1;
        }

        var warned = laterWarnings is null ? Task.CompletedTask : WriteAsync(laterWarnings, console.Error);
        await app.WaitForShutdownAsync(cancellationToken);
        await warned;
        return 0;
    }

    // A config file, given on the command line or in Gateway:Config:Path, must be valid at start: fail fast rather than serve 503s.
    // Returns the load that is served, or null.
    private static async Task<ConfigLoadResult?> LoadFileAsync(WebApplication app, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var watcher = app.Services.GetRequiredService<ConfigWatcher>();
        var result = await watcher.CheckAsync(cancellationToken);
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
