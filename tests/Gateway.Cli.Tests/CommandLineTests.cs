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

    [Fact]
    public async Task Serve_MissingConfigGivenRelative_NamesThePathAsTypedAsValidateDoes()
    {
        using var dir = new TempDir();

        var serve = await GatewayCommand.RunInAsync(dir.Path, "serve", "--config", "conf/gateway.json", "--urls", "http://127.0.0.1:0");
        var validate = await GatewayCommand.RunInAsync(dir.Path, "validate", "conf/gateway.json");

        Assert.True(serve.ExitCode == 1, serve.ToString());
        Assert.Equal($"cannot read file 'conf/gateway.json': no such file (its directory does not exist){Environment.NewLine}", serve.Stderr);
        Assert.Equal(validate.Stderr, serve.Stderr);
    }
}
