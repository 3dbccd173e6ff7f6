using System.Text.Json;

namespace FunctionGateway.Infra.Tests.Infrastructure;

/// <summary>A module as the parent template deploys it: the values passed in, and its own template.</summary>
internal sealed record DeployedModule(JsonElement Parameters, ArmTemplate Template)
{
    /// <summary>The expression or literal the parent passes for <paramref name="name"/>.</summary>
    public string Argument(string name) => Parameters.GetProperty(name).GetProperty("value").GetString()!;
}
