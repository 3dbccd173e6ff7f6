using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace FunctionGateway.Tests.Schema;

/// <summary>The shipped <c>schema/gateway.schema.json</c>, copied next to the tests with the samples, as a validator and as a JSON tree.</summary>
internal static class GatewaySchema
{
    public static readonly string Root = AppContext.BaseDirectory;

    public static readonly string Path = System.IO.Path.Combine(Root, "schema", "gateway.schema.json");

    private static readonly Lazy<Task<JsonSchema>> Validator = new(() => JsonSchema.FromFileAsync(Path));

    /// <summary>Each schema violation as "path: kind", those found inside items, allOf and anyOf branches included.</summary>
    public static async Task<List<string>> ErrorsOf(string json)
    {
        var schema = await Validator.Value;
        return [.. Flatten(schema.Validate(json)).Select(e => $"{e.Path}: {e.Kind}")];
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child
            ? child.Errors.Values.SelectMany(Flatten).Prepend(e)
            : [e]);

    public static JsonObject Tree() => JsonNode.Parse(File.ReadAllText(Path))!.AsObject();

    /// <summary>The schema object at a path of definition names, such as "definitions/server"; "" is the root.</summary>
    public static JsonObject At(JsonObject tree, string path) =>
        path.Length == 0 ? tree : path.Split('/').Aggregate(tree, (node, key) => node[key]!.AsObject());
}
