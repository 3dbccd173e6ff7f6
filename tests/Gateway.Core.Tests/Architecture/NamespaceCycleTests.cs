namespace FunctionGateway.Tests.Architecture;

public class NamespaceCycleTests
{
    [Fact]
    public void Sources_EveryShippedProject_NoNamespaceCycle()
    {
        var graph = NamespaceGraph.FromSources(Path.Combine(RepositoryRoot(), "src"), "FunctionGateway");
        Assert.Contains("FunctionGateway.Engine", graph.Namespaces);

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "Namespaces that depend on each other (cut one of these usings):" + Environment.NewLine +
            string.Join(Environment.NewLine, cycles.Select(c => string.Join(Environment.NewLine, graph.EdgesWithin(c)))));
    }

    // The test runs from its bin folder; the sources are in the clone it was built from.
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FunctionGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FunctionGateway.sln above {AppContext.BaseDirectory}.");
    }
}
