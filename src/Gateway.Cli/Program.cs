using System.CommandLine;
using FunctionGateway.Cli.Commands;

var root = new RootCommand("FunctionGateway: a config-driven API gateway. Runs the gateway on Kestrel and helps operate its config.")
{
    ServeCommand.Create(),
    ExplainCommand.Create(),
    TokenCommand.Create(),
    ImportProxiesCommand.Create(),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // A usage error is exit code 2, as for most command-line tools, so scripts can tell it from a refusal (1).
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync(error.Message);
    }

    var command = parsed.CommandResult.Command == root ? "gateway" : $"gateway {parsed.CommandResult.Command.Name}";
    await Console.Error.WriteLineAsync($"Run '{command} --help' for usage.");
    return 2;
}

return await parsed.InvokeAsync();
