using System.CommandLine;
using FunctionGateway.Configuration;
using FunctionGateway.Inspection;
using FunctionGateway.Tooling.Inspection;
using FunctionGateway.Routing;
using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Cli.Commands;

/// <summary>
/// <c>gateway routes &lt;config&gt;</c>: the route table in the order the matcher tries it, from the gateway's own
/// route table: for any request, the first listed route that matches its method and path serves it.
/// </summary>
internal static class RoutesCommand
{
    public static Command Create()
    {
        var config = new Argument<string>("config") { Description = "The gateway config file (JSON)." };
        var command = new Command("routes",
            "List the routes in the order the gateway tries them: the first one that matches a request serves it. " +
            "Exit code 0: listed; 1: the config has errors (listed on stderr); 2: the file cannot be read, or a flag is wrong.")
        {
            config,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetRequiredValue(config), result.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, InvocationConfiguration console, CancellationToken cancellationToken)
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

        var check = ConfigChecker.CheckUnresolved(text);
        foreach (var issue in check.Issues)
        {
            await console.Error.WriteLineAsync(issue.ToString());
        }

        if (!check.IsValid)
        {
            await console.Error.WriteLineAsync($"{path}: invalid config, no route table ('gateway validate {path}' explains each error)");
            return ExitCodes.Findings;
        }

        var config = check.Config!;
        // The LIMITS column only for configs that have rate limits: other configs list as they always have.
        var limits = config.RateLimits.Count > 0;
        var table = limits
            ? new TextTable("#", "METHOD", "PATH", "KIND", "AUTH", "LIMITS", "TARGET", "LOCATION")
            : new TextTable("#", "METHOD", "PATH", "KIND", "AUTH", "TARGET", "LOCATION");
        var order = RoutePriority.Of(config).Order;
        for (var i = 0; i < order.Count; i++)
        {
            var route = order[i];
            string[] cells = [(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), route.Config.Method, route.Config.Path,
                Kind(route.Template.Kind), Auth(route.Config), RouteDescription.Limits(route.Config, config), RouteDescription.Target(route.Config, config), route.Location];
            table.Add(limits ? cells : [.. cells[..5], .. cells[6..]]);
        }

        await table.WriteAsync(console.Output);
        return ExitCodes.Ok;
    }

    private static string Kind(RouteKind kind) => kind switch
    {
        RouteKind.Exact => "exact",
        RouteKind.Parameterised => "parameterised",
        _ => "wildcard",
    };

    private static string Auth(PathConfig path) =>
        path.Authorization is { RequireAll.Count: > 0 } or { RequireAny.Count: > 0 } ? $"{RouteDescription.Auth(path)} + claims" : RouteDescription.Auth(path);
}
