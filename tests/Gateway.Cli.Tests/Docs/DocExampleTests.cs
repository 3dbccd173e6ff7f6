using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests.Docs;

/// <summary>
/// The commands whose output the docs print, run on the configs the docs define, compared with what the docs print;
/// and the README's quickstart, run as a new user would.
/// </summary>
public sealed partial class DocExampleTests
{
    [Fact]
    public async Task Routes_ShopJson_PrintsTheTableCliMdAndConfigurationMdShow()
    {
        using var dir = new TempDir();
        dir.Write("shop.json", DocBlock.NamedConfig("shop.json").Body);

        var result = await GatewayCommand.RunInAsync(dir.Path, "routes", "shop.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var printed = DocBlock.Starting("docs/cli.md", "text", "$ gateway routes shop.json\n").Body;
        Assert.Equal(printed, "$ gateway routes shop.json\n" + result.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(DocBlock.Starting("docs/configuration.md", "text", "#  METHOD").Body, result.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ValidateJson_ShopJson_IsTheReportCliMdShows()
    {
        using var dir = new TempDir();
        dir.Write("shop.json", DocBlock.NamedConfig("shop.json").Body);

        var result = await GatewayCommand.RunInAsync(dir.Path, "validate", "shop.json", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var printed = Assert.Single(DocBlock.All, b => b.File == "docs/cli.md" && b.Marker?.Contains("validate --format json", StringComparison.Ordinal) == true);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(printed.Body), JsonNode.Parse(result.Stdout)), $"docs:\n{printed.Body}\nactual:\n{result.Stdout}");
    }

    [Fact]
    public async Task Diff_ShopJsonToShopNewJson_PrintsTheReviewCliMdShows()
    {
        using var dir = new TempDir();
        dir.Write("shop.json", DocBlock.NamedConfig("shop.json").Body);
        dir.Write("shop-new.json", DocBlock.NamedConfig("shop-new.json").Body);

        var result = await GatewayCommand.RunInAsync(dir.Path, "diff", "shop.json", "shop-new.json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(DocBlock.Starting("docs/cli.md", "text", "$ gateway diff shop.json shop-new.json\n").Body,
            "$ gateway diff shop.json shop-new.json\n" + result.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ImportProxies_Example_PrintsTheConfigAndTheReportTheDocShows()
    {
        using var dir = new TempDir();
        dir.Write("proxies.json", Assert.Single(DocBlock.All, b => b.File == "docs/import-proxies.md" && b.Marker?.Contains("Proxies file", StringComparison.Ordinal) == true).Body);

        var result = await GatewayCommand.RunInAsync(dir.Path, "import-proxies", "proxies.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(DocBlock.NamedConfig("imported.json").Body, result.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(DocBlock.Starting("docs/import-proxies.md", "text", "Converted 2 of 2").Body, result.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ImportProxies_ReportExample_PrintsTheReportTheDocShows()
    {
        using var dir = new TempDir();
        dir.Write("proxies.json", Assert.Single(DocBlock.All, b => b.File == "docs/import-proxies.md" && b.Marker?.Contains("proxies.json of the report", StringComparison.Ordinal) == true).Body);

        var result = await GatewayCommand.RunInAsync(dir.Path, "import-proxies", "proxies.json", "-o", "gateway.json");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(DocBlock.Starting("docs/import-proxies.md", "text", "not converted: proxy 'Products'").Body, result.Stderr.ReplaceLineEndings("\n"));
        Assert.True(File.Exists(Path.Combine(dir.Path, "gateway.json")));
    }

    [Fact]
    public async Task Quickstart_Readme_ServesTheSampleAndAnswersAsItsCommentsSay()
    {
        // The README's first command: JWT_SECRET=<value> dotnet run --project src/Gateway.Cli -- serve --config samples/gateway.json
        var start = DocBlock.Starting("README.md", "sh", "# Run the gateway on the bundled sample config").Body;
        var serve = ServeCommand().Match(start);
        Assert.True(serve.Success, start);
        using var dir = new TempDir();
        // The secret the README sets in the environment, as an app setting of the folder serve runs in.
        dir.Write("appsettings.json", JsonSerializer.Serialize(new Dictionary<string, string> { [serve.Groups["name"].Value] = serve.Groups["value"].Value }));
        await using var gateway = await ServeProcess.StartAsync(dir.Path, Path.Combine(DocBlock.RepositoryRoot, serve.Groups["config"].Value));

        var calls = Curl().Matches(DocBlock.Starting("README.md", "sh", "curl -i http://localhost:7071/health").Body);
        Assert.Equal(3, calls.Count);
        foreach (Match call in calls)
        {
            using var response = await gateway.Client.GetAsync(call.Groups["path"].Value);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(int.Parse(call.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture), (int)response.StatusCode);
            Assert.Equal(call.Groups["body"].Value, body);
        }
    }

    [GeneratedRegex(@"^(?<name>[A-Z_]+)=(?<value>\S+) dotnet run --project src/Gateway\.Cli -- serve --config (?<config>\S+)$", RegexOptions.Multiline)]
    private static partial Regex ServeCommand();

    [GeneratedRegex(@"^curl -i http://localhost:7071(?<path>/\S*) +# (?<status>\d{3}) (?<body>.+)$", RegexOptions.Multiline)]
    private static partial Regex Curl();
}
