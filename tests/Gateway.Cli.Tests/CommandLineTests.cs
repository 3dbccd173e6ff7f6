using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests;

public class CommandLineTests
{
    [Fact]
    public async Task Root_Help_ListsEveryCommand()
    {
        var result = await GatewayCommand.RunAsync("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var command in new[] { "serve", "validate", "routes", "diff", "explain", "token", "import-proxies" })
        {
            Assert.Contains($"  {command} ", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Root_UnknownCommand_ExitsTwoNamingIt()
    {
        var result = await GatewayCommand.RunAsync("frobnicate");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("frobnicate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MissingConfigFile_ExitsOneNamingIt()
    {
        using var dir = new TempDir();
        var missing = Path.Combine(dir.Path, "nope.json");

        var result = await GatewayCommand.RunAsync("serve", "--config", missing, "--urls", "http://127.0.0.1:0");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal($"cannot read file '{missing}': no such file{Environment.NewLine}", result.Stderr);
    }
}
