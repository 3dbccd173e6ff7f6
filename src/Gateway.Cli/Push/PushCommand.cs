using System.CommandLine;
using Azure.Identity;
using FunctionGateway.Azure.Sources;
using FunctionGateway.Cli.Commands;
using FunctionGateway.Hosting;
using FunctionGateway.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace FunctionGateway.Cli.Push;

/// <summary>
/// <c>gateway push --config FILE</c>: uploads a config to the blob the gateway reads, only if the gateway would accept
/// it, after printing the review diff against the blob's current version, and only over that version. The blob is
/// named as for the Function App: <c>Gateway:Config:*</c> settings, or the flags that stand for them.
/// Exit codes: 0 done (uploaded, unchanged, dry run), 1 refused, 2 bad input or storage error, 3 conflict.
/// </summary>
internal static class PushCommand
{
    public const int Conflict = 3;

    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config", "-c") { Description = "The gateway config file (JSON) to upload." };
        var blobUri = new Option<string?>("--blob-uri")
        {
            Description = $"URL of the config blob ({GatewaySettings.BlobUriKey}); signed in with DefaultAzureCredential (az login, azd auth login, " +
                "a managed identity) unless it is a SAS URL.",
        };
        var connectionString = new Option<string?>("--connection-string")
        {
            Description = $"Storage connection string ({GatewaySettings.ConnectionStringKey}), with --container and --blob. " +
                "Prefer the setting (environment variable Gateway__Config__ConnectionString): a command line is visible to other processes.",
        };
        var container = new Option<string?>("--container") { Description = $"Container of the config blob ({GatewaySettings.ContainerKey})." };
        var blob = new Option<string?>("--blob") { Description = $"Name of the config blob ({GatewaySettings.BlobKey})." };
        var resolve = CommonOptions.Resolve();
        var host = CommonOptions.Host("functions");
        var format = CommonOptions.Format();
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and print the review diff, upload nothing." };
        var rollback = new Option<bool>("--rollback")
        {
            Description = "Restore the version before the current one (from the blob's versions, or the snapshot push kept when the account keeps no versions); " +
                "checked and reviewed like any push.",
        };
        var ifAbsent = new Option<bool>("--if-absent") { Description = "Upload only if the blob does not exist yet (a first deployment's sample config)." };
        var command = new Command("push",
            "Upload a config to the gateway's blob: refused if the gateway would reject it; prints the review diff against the blob's current version; " +
            "writes only over that version (If-Match on its ETag). Exit code 0: uploaded, unchanged or dry run; 1: refused, the config has errors; " +
            "2: bad input, or storage cannot be read or written; 3: conflict, the blob changed since it was read.")
        {
            config, blobUri, connectionString, container, blob, resolve, host, format, dryRun, rollback, ifAbsent,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var console = result.InvocationConfiguration;
            try
            {
                var file = result.GetValue(config);
                if (result.GetValue(rollback) == (file is not null))
                {
                    throw new CommandInputException("give --config FILE to push a config, or --rollback to restore the previous version (not both)");
                }

                var settings = Settings(result.GetValue(blobUri), result.GetValue(connectionString), result.GetValue(container), result.GetValue(blob));
                var push = new ConfigPush(new ConfigBlobWriter(BlobClient(settings)), new PushOptions
                {
                    Resolve = result.GetValue(resolve),
                    Host = CommonOptions.HostKind(result, host),
                    DryRun = result.GetValue(dryRun),
                    IfAbsent = result.GetValue(ifAbsent),
                    Settings = settings,
                });
                var report = file is null
                    ? await push.RollbackAsync(cancellationToken)
                    : await push.PushAsync(file.ToString(), await CommandLineFile.Option("--config", file).ReadAllTextAsync(cancellationToken), cancellationToken);
                if (report is null)
                {
                    throw new CommandInputException("no previous version is kept: the storage account keeps no blob versions, and no push has replaced the blob since it was created");
                }

                await (CommonOptions.IsJson(result, format) ? PushJson.WriteAsync(console.Output, report) : PushText.WriteAsync(console.Output, console.Error, report));
                return report.Outcome switch
                {
                    PushOutcome.Refused => ExitCodes.Findings,
                    PushOutcome.Conflict => Conflict,
                    _ => ExitCodes.Ok,
                };
            }
            catch (Exception e) when (e is CommandInputException or ConfigSourceException)
            {
                await console.Error.WriteLineAsync($"gateway push: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    // The Function App's own settings (appsettings.json here, environment variables), with the flags on top.
    private static ConfigurationManager Settings(string? blobUri, string? connectionString, string? container, string? blob)
    {
        var settings = WebApplication.CreateSlimBuilder().Configuration;
        var flags = new Dictionary<string, string?>();
        if (blobUri is not null || connectionString is not null)
        {
            // A flag names the blob completely: a setting of the other kind must not mix in.
            flags[GatewaySettings.BlobUriKey] = blobUri ?? "";
            flags[GatewaySettings.ConnectionStringKey] = connectionString ?? "";
        }

        if (container is not null)
        {
            flags[GatewaySettings.ContainerKey] = container;
        }

        if (blob is not null)
        {
            flags[GatewaySettings.BlobKey] = blob;
        }

        settings.AddInMemoryCollection(flags);
        return settings;
    }

    private static global::Azure.Storage.Blobs.BlobClient BlobClient(IConfiguration settings)
    {
        var gatewaySettings = GatewaySettings.Read(settings);
        string[] blobKeys = [GatewaySettings.BlobUriKey, GatewaySettings.ConnectionStringKey, GatewaySettings.ContainerKey, GatewaySettings.BlobKey];
        var blobProblems = gatewaySettings.Problems.Where(p => blobKeys.Any(k => p.StartsWith(k, StringComparison.Ordinal))).ToList();
        if (blobProblems.Count > 0)
        {
            throw new CommandInputException(string.Join("; ", blobProblems));
        }

        // Other settings (the vault, poll intervals) do not matter for writing the blob; --resolve reports its own.
        return ConfigBlobClient.Create(gatewaySettings with { Problems = [] }, new DefaultAzureCredential())
            ?? throw new CommandInputException($"{ConfigBlobClient.NotConfigured} (or give --blob-uri, or --connection-string with --container and --blob)");
    }
}
