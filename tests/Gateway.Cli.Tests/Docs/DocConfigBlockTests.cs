using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Cli.Tests.Docs;

/// <summary>
/// Every JSON config the docs show is one the gateway loads: checked by the gateway's own validator, as
/// <c>gateway validate</c> checks it. A block that is not a whole config says so with its marker (see <see cref="DocBlock"/>).
/// </summary>
public sealed class DocConfigBlockTests
{
    public static TheoryData<string> ConfigBlocks() => new(DocBlock.All.Where(b => b.IsConfig).Select(b => b.ToString()));

    [Theory]
    [MemberData(nameof(ConfigBlocks))]
    public void Config_InTheDocs_LoadsWithoutErrors(string where)
    {
        var block = DocBlock.All.Single(b => b.ToString() == where);

        var check = ConfigChecker.CheckUnresolved(block.Body);

        Assert.True(check.IsValid, $"{where}:\n{string.Join('\n', check.Issues)}");
        // A named config is an example input whose warnings the docs print and explain; any other should have none.
        if (block.Marker is null)
        {
            Assert.True(!check.Warnings.Any(), $"{where}:\n{string.Join('\n', check.Warnings)}");
        }
    }

    [Fact]
    public void Markers_EveryJsonBlock_HasNoneOrOneTheTestsKnow()
    {
        var json = DocBlock.All.Where(b => b.Language == "json").ToList();

        Assert.True(json.Count(b => b.IsConfig) >= 8, "the docs should show whole configs");
        Assert.All(json.Where(b => b.Marker is not null), b => Assert.True(
            b.Marker == DocBlock.Fragment
            || (b.Marker!.StartsWith(DocBlock.NotAConfig, StringComparison.Ordinal) && b.Marker.Length > DocBlock.NotAConfig.Length)
            || (b.Marker.StartsWith(DocBlock.Config, StringComparison.Ordinal) && b.Marker.EndsWith(".json", StringComparison.Ordinal)),
            $"{b}: unknown marker '{b.Marker}'"));
        // Markers sit right above a fence: one anywhere else would silently mark nothing.
        Assert.All(DocBlock.All.Where(b => b.Marker is not null), b => Assert.Equal("json", b.Language));
        var written = DocBlock.All.Select(b => b.File).Distinct()
            .Sum(f => System.Text.RegularExpressions.Regex.Count(File.ReadAllText(Path.Combine(DocBlock.RepositoryRoot, f)), "<!-- doc-json:"));
        Assert.Equal(written, DocBlock.All.Count(b => b.Marker is not null));
    }
}
