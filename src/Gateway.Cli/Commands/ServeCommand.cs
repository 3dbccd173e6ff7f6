using System.CommandLine;
using FunctionGateway.Hosting;
using FunctionGateway.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FunctionGateway.Cli.Commands;

/// <summary><c>gateway serve --config &lt;file&gt; [--urls &lt;url&gt;]</c>: the engine on Kestrel, without Azure.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config", "-c") { Description = "The gateway config file (JSON).", Required = true };
        var urls = new Option<string[]>("--urls")
        {
            Description = $"URLs to listen on, separated by ';' (default {StandaloneGateway.DefaultUrl}).",
            DefaultValueFactory = _ => [StandaloneGateway.DefaultUrl],
        };
        var command = new Command("serve", "Serve a config on Kestrel.") { config, urls };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetRequiredValue(config), result.GetRequiredValue(urls), result.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo configFile, string[] urls, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var app = StandaloneGateway.Build(urls.SelectMany(u => u.Split(';', StringSplitOptions.RemoveEmptyEntries)));
        var publisher = app.Services.GetRequiredService<ConfigPublisher>();
        var source = new FileConfigSource(configFile.FullName);
        try
        {
            var result = await publisher.LoadAsync(source, currentTag: null, cancellationToken);
            foreach (var issue in result!.Issues)
            {
                await console.Error.WriteLineAsync(issue.ToString());
            }

            if (result.Runtime is null)
            {
                await console.Error.WriteLineAsync($"{source.Name} is not a valid gateway config ({result.Errors.Count()} error(s)); nothing served.");
                return 1;
            }
        }
        catch (ConfigSourceException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return 1;
        }

        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
