using System.CommandLine;
using System.CommandLine.Invocation;
using FunctionGateway.Cli;
using FunctionGateway.Cli.Commands;
using FunctionGateway.Cli.Push;

var root = new RootCommand("FunctionGateway: a config-driven API gateway. Runs the gateway on Kestrel and helps operate its config.")
{
    ServeCommand.Create(),
    ValidateCommand.Create(),
    RoutesCommand.Create(),
    DiffCommand.Create(),
    ExplainCommand.Create(),
    TokenCommand.Create(),
    ImportProxiesCommand.Create(),
    PushCommand.Create(),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
{
    // A usage mistake is bad input (exit 2), told apart from a config with errors (exit 1).
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync(error.Message);
    }

    var command = parsed.CommandResult.Command == root ? "gateway" : $"gateway {parsed.CommandResult.Command.Name}";
    await Console.Error.WriteLineAsync($"Run '{command} --help' for usage.");
    return ExitCodes.BadInput;
}

return await parsed.InvokeAsync();
