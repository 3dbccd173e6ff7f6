using System.Text.Json;

namespace FunctionGateway.Infra.Tests.Infrastructure;

/// <summary>
/// Read-only view of a compiled ARM template. Bicep modules compile to nested
/// Microsoft.Resources/deployments, each carrying its own template, reachable through <see cref="Module"/>.
/// </summary>
internal sealed class ArmTemplate(JsonElement root)
{
    private const string DeploymentType = "Microsoft.Resources/deployments";

    public JsonElement Root { get; } = root;

    public IEnumerable<JsonElement> Resources(string type) =>
        Root.GetProperty("resources").EnumerateArray()
            .Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    public JsonElement SingleResource(string type) => Assert.Single(Resources(type));

    /// <summary>Resources of the type in this template and every module below it.</summary>
    public IEnumerable<JsonElement> ResourcesEverywhere(string type) =>
        Resources(type).Concat(Resources(DeploymentType)
            .SelectMany(d => new ArmTemplate(d.GetProperty("properties").GetProperty("template")).ResourcesEverywhere(type)));

    public DeployedModule Module(string name)
    {
        var deployment = Assert.Single(Resources(DeploymentType), d => d.GetProperty("name").GetString() == name);
        var properties = deployment.GetProperty("properties");
        return new DeployedModule(properties.GetProperty("parameters"), new ArmTemplate(properties.GetProperty("template")));
    }

    public JsonElement Parameter(string name) => Root.GetProperty("parameters").GetProperty(name);

    public string Output(string name) => Root.GetProperty("outputs").GetProperty(name).GetProperty("value").GetString()!;

    /// <summary>
    /// The literal behind a <c>[variables('x')]</c> expression; any other value comes back unchanged,
    /// since the tests only need to see through the plain variable indirection Bicep emits.
    /// </summary>
    public string Resolve(string value)
    {
        const string prefix = "[variables('";
        const string suffix = "')]";
        if (!value.StartsWith(prefix, StringComparison.Ordinal) || !value.EndsWith(suffix, StringComparison.Ordinal))
        {
            return value;
        }

        var variable = value[prefix.Length..^suffix.Length];
        return Root.GetProperty("variables").GetProperty(variable).GetString()!;
    }
}
