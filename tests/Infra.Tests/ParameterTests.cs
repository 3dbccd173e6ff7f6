using System.Text.Json;
using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

[Collection(CompiledMainTemplate.Name)]
public sealed class ParameterTests(MainTemplateFixture fixture)
{
    private ArmTemplate Main => fixture.Template;

    [Theory]
    [InlineData("maximumInstanceCount", 40)]
    [InlineData("instanceMemoryMB", 2048)]
    [InlineData("configPollSeconds", 30)]
    public void Defaults_NumericParameter_HasDocumentedDefault(string name, int expected)
    {
        Assert.Equal(expected, Main.Parameter(name).GetProperty("defaultValue").GetInt32());
    }

    [Fact]
    public void Defaults_AllowedCorsOrigins_IsAnEmptyArray()
    {
        var parameter = Main.Parameter("allowedCorsOrigins");

        Assert.Equal("array", parameter.GetProperty("type").GetString());
        Assert.Equal(0, parameter.GetProperty("defaultValue").GetArrayLength());
    }

    [Fact]
    public void Parameters_Every_HasADescription()
    {
        Assert.All(Main.Root.GetProperty("parameters").EnumerateObject(), p =>
        {
            var description = p.Value.GetProperty("metadata").GetProperty("description").GetString();
            Assert.False(string.IsNullOrWhiteSpace(description), $"{p.Name} has no description.");
        });
    }

    [Fact]
    public void MaximumInstanceCount_Bounds_AreTheFlexConsumptionDocsOnes()
    {
        // "Limit scale-out" (Event-driven scaling, Flex Consumption): 1 to 1000 on-demand instances per function
        // group; always-ready instances are not counted. Older versions of the page said 40 was the lowest.
        var parameter = Main.Parameter("maximumInstanceCount");

        Assert.Equal(1, parameter.GetProperty("minValue").GetInt32());
        Assert.Equal(1000, parameter.GetProperty("maxValue").GetInt32());
        var description = parameter.GetProperty("metadata").GetProperty("description").GetString()!;
        Assert.Contains("on-demand instances", description, StringComparison.Ordinal);
        Assert.Contains("Always-ready instances do not count", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gatewayUrl")]
    [InlineData("configBlobName")]
    [InlineData("configBlobUri")]
    [InlineData("GATEWAY_CONFIG_BLOB_URI")]
    [InlineData("keyVaultName")]
    [InlineData("storageAccountName")]
    [InlineData("runtimeStorageAccountName")]
    public void Outputs_ForOperators_AreDeclared(string name)
    {
        Assert.Equal("string", Main.Root.GetProperty("outputs").GetProperty(name).GetProperty("type").GetString());
    }

    [Fact]
    public void Outputs_GatewayUrl_IsHttpsOnTheAppHostName()
    {
        Assert.Equal(
            "[format('https://{0}', reference(resourceId('Microsoft.Resources/deployments', 'functionapp'), '2025-04-01').outputs.defaultHostName.value)]",
            Main.Output("gatewayUrl"));
    }

    [Fact]
    public async Task ExampleParameters_BuildParams_SetsEveryValueTheTemplateAccepts()
    {
        var result = await BicepCli.BuildParamsAsync(BicepPaths.ExampleParameters);
        Assert.True(result.ExitCode == 0, result.ToString());

        using var output = JsonDocument.Parse(result.StdOut);
        using var parameters = JsonDocument.Parse(output.RootElement.GetProperty("parametersJson").GetString()!);
        var values = parameters.RootElement.GetProperty("parameters");
        Assert.Equal(40, values.GetProperty("maximumInstanceCount").GetProperty("value").GetInt32());
        Assert.Equal(2048, values.GetProperty("instanceMemoryMB").GetProperty("value").GetInt32());
        Assert.Equal(0, values.GetProperty("allowedCorsOrigins").GetProperty("value").GetArrayLength());
        Assert.All(values.EnumerateObject(), v => Assert.True(Main.Root.GetProperty("parameters").TryGetProperty(v.Name, out _), v.Name));
    }
}
