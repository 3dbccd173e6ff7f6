using System.Text.Json;
using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

public sealed class LinterConfigTests
{
    // Both depend on things outside the template (today's date, a module registry), so they
    // are off rather than errors; every other rule that is configured must be an error.
    private static readonly string[] DeliberatelyOff = ["use-recent-api-versions", "use-recent-module-versions"];

    [Fact]
    public void Rules_EveryConfiguredRule_IsErrorOrDeliberatelyOff()
    {
        using var config = JsonDocument.Parse(
            File.ReadAllText(BicepPaths.LinterConfig),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var core = config.RootElement.GetProperty("analyzers").GetProperty("core");
        var rules = core.GetProperty("rules").EnumerateObject().ToList();

        Assert.True(core.GetProperty("enabled").GetBoolean());
        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            var level = rule.Value.GetProperty("level").GetString();
            var expected = DeliberatelyOff.Contains(rule.Name) ? "off" : "error";
            Assert.True(level == expected, $"{rule.Name} is '{level}', expected '{expected}'.");
        });
    }

    [Fact]
    public async Task Build_TemplateBreakingARule_FailsWithThatRuleAsError()
    {
        // Proves the config takes effect: an unused parameter is only a warning by default.
        // The probe sits in its own folder next to a copy of the config, not in the source tree.
        var folder = Directory.CreateTempSubdirectory("bicep-lint-probe-").FullName;
        try
        {
            File.Copy(BicepPaths.LinterConfig, Path.Combine(folder, "bicepconfig.json"));
            var probe = Path.Combine(folder, "probe.bicep");
            await File.WriteAllTextAsync(probe, "param unused string\n");

            var result = await BicepCli.BuildAsync(probe);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Error no-unused-params", result.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
