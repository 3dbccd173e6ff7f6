using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

/// <summary>
/// Every Bicep file compiles with no diagnostic at all. bicepconfig.json raises the linter rules
/// to errors; asserting on empty stderr also catches compiler warnings (BCPxxx) no rule covers.
/// </summary>
public sealed class BicepCompileTests
{
    public static TheoryData<string> BicepFiles() => new(RelativeBicepPaths());

    private static List<string> RelativeBicepPaths() =>
        Directory.EnumerateFiles(BicepPaths.Root, "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(BicepPaths.Root, file))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Build_BicepFile_CompilesWithoutDiagnostics(string relativePath)
    {
        var result = await BicepCli.BuildAsync(Path.Combine(BicepPaths.Root, relativePath));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StdErr.Trim().Length == 0, result.ToString());
        Assert.StartsWith("{", result.StdOut.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Lint_BicepFile_ReportsNothing(string relativePath)
    {
        var result = await BicepCli.LintAsync(Path.Combine(BicepPaths.Root, relativePath));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True((result.StdOut + result.StdErr).Trim().Length == 0, $"{result}{result.StdOut}");
    }

    [Fact]
    public async Task BuildParams_ExampleParameterFile_CompilesWithoutDiagnostics()
    {
        var result = await BicepCli.BuildParamsAsync(BicepPaths.ExampleParameters);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StdErr.Trim().Length == 0, result.ToString());
    }

    [Fact]
    public void Discovery_BicepRoot_FindsMainAndEveryModule()
    {
        var files = RelativeBicepPaths();

        Assert.Contains("main.bicep", files);
        Assert.Contains(files, f => f.StartsWith("modules", StringComparison.Ordinal));
    }
}
