using System.CommandLine;
using FunctionGateway.Configuration.Validation;
using FunctionGateway.Configuration;
using FunctionGateway.Hosting;
using Microsoft.AspNetCore.Builder;

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
        var resolve = CommonOptions.Resolve();
        var format = CommonOptions.Format();
        var host = CommonOptions.Host("serve");
        var command = new Command("validate",
            "Check a config and list every error and warning with its JSON location. " +
            "Exit code 0: valid (warnings alone keep 0); 1: the config has errors; 2: the file cannot be read, or a flag is wrong.")
        {
            config, resolve, format, host,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetRequiredValue(config), result.GetValue(resolve),
            CommonOptions.IsJson(result, format), CommonOptions.HostKind(result, host), result.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, bool resolve, bool json, GatewayHostKind host,
        InvocationConfiguration console, CancellationToken cancellationToken)
    {
        ConfigCheck check;
        string? secretSource;
        try
        {
            var text = await CommandLineFile.Argument(path).ReadAllTextAsync(cancellationToken);
            var settings = resolve ? WebApplication.CreateSlimBuilder().Configuration : null;
            (check, secretSource) = await ConfigTextCheck.RunAsync(text, resolve, host, settings, cancellationToken);
        }
        catch (CommandInputException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadInput;
        }

        await (json ? ValidationJson.WriteAsync(console.Output, path, check) : ValidationText.WriteAsync(console.Output, path, check, secretSource));
        return check.IsValid ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
