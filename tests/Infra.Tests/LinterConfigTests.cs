using System.Text.Json;
using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

public sealed class LinterConfigTests
{
    // The linter rules of the Bicep version Directory.Packages.props pins (from the Bicep sources of that version,
    // src/Bicep.Core/Analyzers/Linter/Rules). Bicep silently ignores a rule name it does not know, so the list is
    // what catches a misspelt or invented rule; an upgrade that brings new rules must add them here and to the config.
    private const string PinnedBicepVersion = "0.49.2";

    private static readonly string[] RulesOfThePinnedVersion =
    [
        "adminusername-should-not-be-literal", "artifacts-parameters", "decompiler-cleanup", "explicit-values-for-loc-params",
        "max-asserts", "max-outputs", "max-params", "max-resources", "max-variables", "no-conflicting-metadata",
        "no-deployments-resources", "no-explicit-any", "no-hardcoded-env-urls", "no-hardcoded-location", "no-hardcoded-outputs",
        "no-loc-expr-outside-params", "no-module-name", "no-unnecessary-dependson", "no-unused-existing-resources", "no-unused-imports",
        "no-unused-params", "no-unused-types", "no-unused-vars", "outputs-should-not-contain-secrets", "prefer-interpolation",
        "prefer-unquoted-property-names", "protect-commandtoexecute-secrets", "secure-parameter-default", "secure-params-in-nested-deploy",
        "secure-params-in-parameters-file", "secure-secrets-in-params", "simplify-interpolation", "simplify-json-null",
        "stacks-extensibility-compat", "use-description-outputs", "use-description-params", "use-description-type-properties",
        "use-description-types", "use-description-vars", "use-parent-property", "use-recent-api-versions",
        "use-recent-az-powershell-version", "use-recent-module-versions", "use-recognized-resource-type", "use-resource-id-functions",
        "use-resource-symbol-reference", "use-safe-access", "use-secure-value-for-secure-inputs", "use-stable-resource-identifiers",
        "use-stable-vm-image", "use-user-defined-types", "what-if-short-circuiting",
    ];

    // Off for a reason the config states beside each; every other rule must be an error.
    private static readonly string[] DeliberatelyOff =
    [
        "no-module-name", "use-description-outputs", "use-description-vars", "use-recent-api-versions", "use-recent-module-versions",
        "use-user-defined-types",
    ];

    [Fact]
    public void Rules_Configured_AreExactlyTheRulesOfThePinnedBicepVersion()
    {
        Assert.Equal(RulesOfThePinnedVersion.Order(StringComparer.Ordinal), Rules().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Contains($"Include=\"Azure.Bicep.CommandLine.linux-x64\" Version=\"{PinnedBicepVersion}\"",
            File.ReadAllText(Path.Combine(BicepPaths.RepositoryRoot, "Directory.Packages.props")), StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_EveryConfiguredRule_IsErrorOrDeliberatelyOff()
    {
        Assert.All(Rules(), rule =>
        {
            var level = rule.Value.GetProperty("level").GetString();
            var expected = DeliberatelyOff.Contains(rule.Name) ? "off" : "error";
            Assert.True(level == expected, $"{rule.Name} is '{level}', expected '{expected}'.");
        });
    }

    [Fact]
    public void Comments_RuleThatIsOff_SaysWhyOnTheLineAbove()
    {
        var lines = File.ReadAllLines(BicepPaths.LinterConfig);
        Assert.All(DeliberatelyOff, rule =>
        {
            var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith($"\"{rule}\"", StringComparison.Ordinal));
            Assert.True(at > 0 && lines[at - 1].TrimStart().StartsWith("// Off on purpose: ", StringComparison.Ordinal), $"{rule} has no reason above it");
        });
    }

    private static List<JsonProperty> Rules()
    {
        using var config = JsonDocument.Parse(
            File.ReadAllText(BicepPaths.LinterConfig),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var core = config.RootElement.GetProperty("analyzers").GetProperty("core");
        Assert.True(core.GetProperty("enabled").GetBoolean());
        return core.GetProperty("rules").Clone().EnumerateObject().ToList();
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
