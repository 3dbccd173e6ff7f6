using YamlDotNet.RepresentationModel;

namespace FunctionGateway.Infra.Tests.Infrastructure;

/// <summary>A YAML file of the repository, parsed; lookups fail the test with the path that is missing.</summary>
internal static class YamlFile
{
    public static YamlMappingNode Load(string relativePath)
    {
        using var reader = new StreamReader(Path.Combine(BicepPaths.RepositoryRoot, relativePath));
        var stream = new YamlStream();
        stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    public static YamlMappingNode Map(this YamlNode node, string key) => Assert.IsType<YamlMappingNode>(Child(node, key));

    public static YamlSequenceNode Sequence(this YamlNode node, string key) => Assert.IsType<YamlSequenceNode>(Child(node, key));

    public static string Scalar(this YamlNode node, string key) => Assert.IsType<YamlScalarNode>(Child(node, key)).Value!;

    public static string? OptionalScalar(this YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static YamlNode Child(YamlNode node, string key)
    {
        var map = Assert.IsType<YamlMappingNode>(node);
        Assert.True(map.Children.TryGetValue(new YamlScalarNode(key), out var value), $"no '{key}' at line {node.Start.Line}");
        return value!;
    }
}
