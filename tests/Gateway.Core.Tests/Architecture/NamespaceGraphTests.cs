namespace FunctionGateway.Tests.Architecture;

public class NamespaceGraphTests
{
    [Fact]
    public void Cycles_LayeredGraph_None()
    {
        var graph = new NamespaceGraph();
        graph.Add("A", "B");
        graph.Add("B", "C");
        graph.Add("A", "C");

        Assert.Empty(graph.Cycles());
    }

    [Fact]
    public void Cycles_TwoNamespacesUsingEachOther_Found()
    {
        var graph = new NamespaceGraph();
        graph.Add("Engine", "Hosting");
        graph.Add("Hosting", "Engine");
        graph.Add("Hosting", "Model");

        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal(["Engine", "Hosting"], cycle);
        Assert.Equal(["Engine -> Hosting", "Hosting -> Engine"], graph.EdgesWithin(cycle));
    }

    [Fact]
    public void Cycles_LongLoopAndSeparateLoop_EachFoundOnce()
    {
        var graph = new NamespaceGraph();
        graph.Add("Engine", "Model");
        graph.Add("Model", "Integrations");
        graph.Add("Integrations", "Engine");
        graph.Add("Integrations", "Routing");
        graph.Add("X", "Y");
        graph.Add("Y", "X");

        Assert.Equal([["Engine", "Integrations", "Model"], ["X", "Y"]], graph.Cycles());
    }

    [Fact]
    public void FromSources_UsingAndStaticUsing_CycleFoundBetweenProductNamespacesOnly()
    {
        var root = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, "A.cs"), "using System.Text;\nusing Product.B;\n\nnamespace Product.A;\n");
            File.WriteAllText(Path.Combine(root.FullName, "B.cs"), "using static Product.A.Helpers;\n\nnamespace Product.B;\n");

            var graph = NamespaceGraph.FromSources(root.FullName, "Product");

            Assert.Equal(["Product.B"], graph.DependenciesOf("Product.A"));
            Assert.Equal(["Product.A"], graph.DependenciesOf("Product.B"));
            Assert.Equal([["Product.A", "Product.B"]], graph.Cycles());
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
