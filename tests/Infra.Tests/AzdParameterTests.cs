using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

/// <summary>
/// infra/bicep/main.parameters.json, the file azd deploys main.bicep with: azd replaces each <c>${NAME}</c> (or
/// <c>${NAME=default}</c>) with that variable of its environment. The template must accept what comes out.
/// </summary>
[Collection(CompiledMainTemplate.Name)]
public sealed partial class AzdParameterTests(MainTemplateFixture fixture)
{
    // What `azd up` sets for a signed-in user; the rest stay unset and take their defaults.
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["AZURE_ENV_NAME"] = "gateway-dev",
        ["AZURE_LOCATION"] = "swedencentral",
        ["AZURE_PRINCIPAL_ID"] = "00000000-0000-0000-0000-000000000001",
    };

    [Fact]
    public void Parameters_Every_IsAParameterOfTheTemplate()
    {
        Assert.All(AzdParameters(Environment).EnumerateObject(),
            p => Assert.True(fixture.Template.Root.GetProperty("parameters").TryGetProperty(p.Name, out _), $"{p.Name} is not a parameter of main.bicep"));
    }

    [Fact]
    public void Parameters_AzdEnvironment_PassesEnvironmentLocationAndSignedInUser()
    {
        var parameters = AzdParameters(Environment);

        Assert.Equal("gateway-dev", Value(parameters, "environmentName"));
        Assert.Equal("swedencentral", Value(parameters, "location"));
        Assert.Equal("00000000-0000-0000-0000-000000000001", Value(parameters, "principalId"));
        Assert.Equal("User", Value(parameters, "principalType"));
        Assert.Equal("", Value(parameters, "statusPath"));
    }

    [Fact]
    public async Task Parameters_AzdEnvironment_TheTemplateAcceptsThem()
    {
        var body = new StringBuilder();
        foreach (var parameter in AzdParameters(Environment).EnumerateObject())
        {
            body.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"param {parameter.Name} = '{parameter.Value.GetProperty("value").GetString()}'");
        }

        // build-params type-checks every value against main.bicep: allowed values, lengths, unknown names.
        var (result, parameters) = await BicepParams.BuildAsync(body.ToString(), usingMain: true);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StdErr.Trim().Length == 0, result.ToString());
        Assert.NotNull(parameters);
    }

    [Fact]
    public void Tags_AzdEnvironment_TagsEveryResourceWithTheEnvironmentName()
    {
        Assert.Equal(
            "[if(empty(parameters('environmentName')), parameters('tags'), union(parameters('tags'), createObject('azd-env-name', parameters('environmentName'))))]",
            fixture.Template.Root.GetProperty("variables").GetProperty("resourceTags").GetString());
        foreach (var module in new[] { "identity", "monitoring", "storage", "configStorage", "keyvault", "functionapp" })
        {
            Assert.Equal("[variables('resourceTags')]", fixture.Template.Module(module).Argument("tags"));
        }
    }

    private static string Value(JsonElement parameters, string name) => parameters.GetProperty(name).GetProperty("value").GetString()!;

    /// <summary>main.parameters.json after azd's substitution: <c>${NAME}</c> and <c>${NAME=default}</c>.</summary>
    private static JsonElement AzdParameters(Dictionary<string, string> environment)
    {
        var text = Substitution().Replace(File.ReadAllText(BicepPaths.AzdParameters), m =>
            environment.TryGetValue(m.Groups["name"].Value, out var value) ? value : m.Groups["default"].Value);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("parameters").Clone();
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Z_][A-Z0-9_]*)(=(?<default>[^}]*))?\}")]
    private static partial Regex Substitution();
}
