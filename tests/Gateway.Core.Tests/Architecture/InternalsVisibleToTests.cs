using System.Xml.Linq;
using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Architecture;

public class InternalsVisibleToTests
{
    // A shipped project or a benchmark that reads another's internals makes those internals a contract nobody
    // declared: what a project needs from another goes through its public surface.
    [Fact]
    public void Projects_EveryShippedProject_OpensItsInternalsToTestProjectsOnly()
    {
        var root = RepositoryRoot.Path;
        var testProjects = Directory.GetFiles(Path.Combine(root, "tests"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet(StringComparer.Ordinal);
        var projects = Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root, "benchmarks"), "*.csproj", SearchOption.AllDirectories));

        var opened = projects
            .SelectMany(p => XDocument.Load(p).Descendants("InternalsVisibleTo")
                .Select(e => (Project: Path.GetFileNameWithoutExtension(p), Friend: (string?)e.Attribute("Include") ?? "")))
            .ToList();

        Assert.Contains(opened, o => o.Project == "Gateway.Core");
        var notTests = opened.Where(o => !testProjects.Contains(o.Friend) || !o.Friend.EndsWith(".Tests", StringComparison.Ordinal))
            .Select(o => $"{o.Project} -> {o.Friend}");
        Assert.Empty(notTests);
    }

    [Fact]
    public void Projects_InternalsVisibleTo_NoDuplicateEntry()
    {
        var root = RepositoryRoot.Path;
        var duplicates = Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories)
            .SelectMany(p => XDocument.Load(p).Descendants("InternalsVisibleTo")
                .Select(e => $"{Path.GetFileNameWithoutExtension(p)} -> {(string?)e.Attribute("Include")}"))
            .GroupBy(e => e, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);

        Assert.Empty(duplicates);
    }
}
