using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Architecture;

public class NamespaceCycleTests
{
    [Fact]
    public void Sources_EveryShippedProject_NoNamespaceCycle()
    {
        var graph = NamespaceGraph.FromSources(Path.Combine(RepositoryRoot.Path, "src"), "FunctionGateway");
        Assert.Contains("FunctionGateway.Engine", graph.Namespaces);

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "Namespaces that depend on each other (cut one of these usings):" + Environment.NewLine +
            string.Join(Environment.NewLine, cycles.Select(c => string.Join(Environment.NewLine, graph.EdgesWithin(c)))));
    }
}
