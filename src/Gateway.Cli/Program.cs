using System.CommandLine;
using FunctionGateway.Cli.Commands;

var root = new RootCommand("FunctionGateway: a config-driven API gateway. Runs the gateway on Kestrel and helps operate its config.")
{
    ServeCommand.Create(),
    ImportProxiesCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
