using System.CommandLine;
using Azure.Identity;
using FunctionGateway.Azure.Secrets;
using FunctionGateway.Configuration;
using FunctionGateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Cli.Commands;

/// <summary>
/// <c>gateway validate &lt;config&gt; [--resolve] [--format text|json] [--host serve|functions]</c>: the loader's own checks, offline, with every
/// error and warning at its JSON location. References are left unresolved unless <c>--resolve</c> is given.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var config = new Argument<string>("config") { Description = "The gateway config file (JSON)." };
        var resolve = new Option<bool>("--resolve")
        {
            Description = "Also resolve $env/$secret references from app settings, environment variables and Key Vault " +
                "(when Gateway__KeyVault__Uri is set), as the gateway does; reports the missing ones, never a value.",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: 'text' for people, 'json' for CI (see docs/cli.md).",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json");
        var host = new Option<string>("--host")
        {
            Description = "The host the config is for: 'serve' (gateway serve) or 'functions' (the Azure Functions app, " +
                "where routes under /admin and /runtime are errors instead of warnings).",
            DefaultValueFactory = _ => "serve",
        }.AcceptOnlyFromAmong("serve", "functions");
        var command = new Command("validate",
            "Check a config and list every error and warning with its JSON location. " +
            "Exit code 0: valid (warnings alone keep 0); 1: the config has errors; 2: the file cannot be read, or a flag is wrong.")
        {
            config, resolve, format, host,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetRequiredValue(config), result.GetValue(resolve),
            result.GetRequiredValue(format) == "json",
            result.GetRequiredValue(host) == "functions" ? GatewayHostKind.AzureFunctions : GatewayHostKind.Standalone,
            result.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, bool resolve, bool json, GatewayHostKind host,
        InvocationConfiguration console, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await CommandLineFile.Argument(path).ReadAllTextAsync(cancellationToken);
        }
        catch (CommandInputException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadInput;
        }

        ConfigCheck check;
        string? secretSource = null;
        if (resolve)
        {
            var settings = WebApplication.CreateSlimBuilder().Configuration;
            var gatewaySettings = GatewaySettings.Read(settings);
            if (gatewaySettings.KeyVaultUri is null && gatewaySettings.Problems.FirstOrDefault(p => p.StartsWith(GatewaySettings.KeyVaultUriKey, StringComparison.Ordinal)) is { } problem)
            {
                await console.Error.WriteLineAsync(problem);
                return ExitCodes.BadInput;
            }

            var secrets = SecretSources.FromSettings(settings, gatewaySettings, new DefaultAzureCredential(), TimeProvider.System, NullLoggerFactory.Instance);
            secretSource = secrets.Name;
            check = await ConfigChecker.CheckAsync(text, settings, secrets, host, cancellationToken);
        }
        else
        {
            check = ConfigChecker.CheckUnresolved(text, host);
        }

        await (json ? ValidationJson.WriteAsync(console.Output, path, check) : ValidationText.WriteAsync(console.Output, path, check, secretSource));
        return check.IsValid ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
