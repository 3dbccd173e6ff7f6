using System.Text.RegularExpressions;
using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

/// <summary>docs/deploy.md against the template and the repository: its tables and commands say what exists.</summary>
[Collection(CompiledMainTemplate.Name)]
public sealed partial class DeployDocTests(MainTemplateFixture fixture)
{
    private static readonly string[] Doc = File.ReadAllLines(Path.Combine(BicepPaths.RepositoryRoot, "docs", "deploy.md"));

    [Fact]
    public void RolesTable_OneTable_ListsEveryRoleOfTheGatewayIdentity()
    {
        var rows = Table("| Role | Scope | Why |");

        Assert.Equal(
            ["Key Vault Secrets User", "Monitoring Metrics Publisher", "Storage Blob Data Owner", "Storage Blob Data Reader"],
            rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.Equal(fixture.Template.Module("roles").Template.Resources(ResourceTypes.RoleAssignment).Count(), rows.Count);
    }

    [Fact]
    public void ParametersTable_ListsEveryParameterOfTheTemplate()
    {
        var documented = Table("| Parameter | Default | Meaning |").Select(r => r[0].Trim('`'));

        Assert.Equal(
            fixture.Template.Root.GetProperty("parameters").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OutputsTable_ListsEveryOutputOfTheTemplate()
    {
        var documented = Table("| Output | Use |").Select(r => r[0].Trim('`'));

        Assert.Equal(
            fixture.Template.Root.GetProperty("outputs").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Commands_ConfigBlob_IsTheDeploymentsOutputNeverAHardCodedName()
    {
        // configBlobName is a parameter: a command that spells the default breaks every other deployment.
        var commands = string.Join('\n', BashBlocks());

        Assert.DoesNotMatch(HardCodedBlob(), commands);
        Assert.Contains("CONFIG_BLOB=$(out configBlobName)", commands, StringComparison.Ordinal);
        Assert.Contains("CONFIG_BLOB_URI=$(out configBlobUri)", commands, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_CoreToolsSequence_RunsWhereHostJsonAndLocalSettingsAre()
    {
        // Core Tools reads FUNCTIONS_WORKER_RUNTIME from local.settings.json beside host.json, where it runs.
        var block = Assert.Single(BashBlocks(), b => b.Contains("func azure functionapp publish", StringComparison.Ordinal));
        var publish = PublishOutput().Match(block);

        Assert.True(publish.Success, block);
        var output = publish.Groups["output"].Value;
        Assert.Contains($"cp local.settings.sample.json {output}/local.settings.json", block, StringComparison.Ordinal);
        Assert.Contains($"cd {output} && func azure functionapp publish", block, StringComparison.Ordinal);
        var project = File.ReadAllText(Path.Combine(BicepPaths.RepositoryRoot, publish.Groups["project"].Value));
        Assert.Contains("""Include="..\..\host.json" """.Trim(), project, StringComparison.Ordinal);
        Assert.Contains("CopyToPublishDirectory=\"PreserveNewest\"", project, StringComparison.Ordinal);
        Assert.Contains("\"FUNCTIONS_WORKER_RUNTIME\": \"dotnet-isolated\"",
            File.ReadAllText(Path.Combine(BicepPaths.RepositoryRoot, "local.settings.sample.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_RepositoryPaths_Exist()
    {
        var paths = BashBlocks().SelectMany(b => RepositoryPath().Matches(b)).Select(m => m.Value).Distinct().ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.True(
            File.Exists(Path.Combine(BicepPaths.RepositoryRoot, p)) || Directory.Exists(Path.Combine(BicepPaths.RepositoryRoot, p)), p));
    }

    [Fact]
    public void StatusEndpoint_Docs_NameTheTemplatesParameterAndSecret()
    {
        var text = string.Join('\n', Doc);

        Assert.Contains("statusPath=/.gateway/status", text, StringComparison.Ordinal);
        Assert.Contains($"--name {fixture.Template.Parameter("statusKeySecretName").GetProperty("defaultValue").GetString()} ", text, StringComparison.Ordinal);
        Assert.Contains("X-Gateway-Status-Key", text, StringComparison.Ordinal);
    }

    /// <summary>The rows of the table whose header line is <paramref name="header"/>, each split into its cells.</summary>
    private static List<string[]> Table(string header)
    {
        var start = Array.IndexOf(Doc, header);
        Assert.True(start >= 0, $"no table '{header}'");
        return Doc.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray()).ToList();
    }

    private static List<string> BashBlocks() =>
        BashBlock().Matches(string.Join('\n', Doc)).Select(m => m.Groups["body"].Value).ToList();

    [GeneratedRegex(@"^```bash\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"--name gateway\.json|--destination-blob gateway\.json|--prefix gateway\.json|/gateway/gateway\.json")]
    private static partial Regex HardCodedBlob();

    [GeneratedRegex(@"dotnet publish (?<project>\S+) .*-o (?<output>\S+)")]
    private static partial Regex PublishOutput();

    [GeneratedRegex(@"(?<![\w/.$-])(?:infra|src|samples)/[\w./-]*[\w]")]
    private static partial Regex RepositoryPath();
}
