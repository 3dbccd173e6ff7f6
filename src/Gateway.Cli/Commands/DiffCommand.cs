using System.CommandLine;
using FunctionGateway.Configuration;
using FunctionGateway.Tooling.Inspection;
using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Cli.Commands;

/// <summary>
/// <c>gateway diff &lt;old&gt; &lt;new&gt;</c>: what a config change does to routes, servers, CORS and authorizers, with the
/// changes that let requests through with less than before first.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var before = new Argument<string>("old") { Description = "The config before the change." };
        var after = new Argument<string>("new") { Description = "The config after the change." };
        var command = new Command("diff",
            "Show what a config change does: routes added, removed or changed (target, auth, claim rules, exposure), " +
            "servers, CORS and authorizers; changes that weaken a route's protection come first, marked '!!'. " +
            "Exit code 0: no differences; 1: differences; 2: a file cannot be read or is not JSON, or a flag is wrong.")
        {
            before, after,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetRequiredValue(before), result.GetRequiredValue(after), result.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string beforePath, string afterPath, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var before = await ReadAsync(beforePath, console, cancellationToken);
        var after = await ReadAsync(afterPath, console, cancellationToken);
        if (before is null || after is null)
        {
            return ExitCodes.BadInput;
        }

        var diff = ConfigDiff.Compare(before, after);
        if (diff.IsEmpty)
        {
            await console.Output.WriteLineAsync("no differences");
            return ExitCodes.Ok;
        }

        await DiffText.WriteAsync(console.Output, diff);
        return ExitCodes.Findings;
    }

    // A config with errors is still compared (a change under review may be unfinished); one that is not JSON cannot be.
    private static async Task<GatewayConfig?> ReadAsync(string path, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await CommandLineFile.Argument(path).ReadAllTextAsync(cancellationToken);
        }
        catch (CommandInputException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return null;
        }

        var check = ConfigChecker.CheckUnresolved(text);
        if (check.Config is null)
        {
            await console.Error.WriteLineAsync($"{path}: {check.Issues[0]}");
            return null;
        }

        var errors = check.Errors.Count();
        if (errors > 0)
        {
            await console.Error.WriteLineAsync($"warning: {path} has {errors} error(s), compared as written ('gateway validate {path}' lists them)");
        }

        return check.Config;
    }
}
