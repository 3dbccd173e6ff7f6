using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests;

public class CommandLineTests
{
    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var result = await GatewayCommand.RunAsync("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var command in new[] { "serve", "validate", "routes", "diff" })
        {
            Assert.Contains($"  {command} ", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwoAndSaysWhich()
    {
        var result = await GatewayCommand.RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MissingConfigFile_ExitsOneAndNamesIt()
    {
        using var dir = new TempDir();
        var missing = Path.Combine(dir.Path, "nope.json");

        var result = await GatewayCommand.RunAsync("serve", "--config", missing, "--urls", "http://127.0.0.1:0");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("nope.json", result.Stderr, StringComparison.Ordinal);
    }
}
