using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

/// <summary>azure.yaml, what <c>azd up</c> reads: everything it names exists where azd will look for it.</summary>
[Collection(CompiledMainTemplate.Name)]
public sealed class AzdManifestTests(MainTemplateFixture fixture)
{
    private static readonly YamlDotNet.RepresentationModel.YamlMappingNode Manifest = YamlFile.Load("azure.yaml");

    [Fact]
    public void Service_Gateway_IsTheFunctionsProjectAsADotnetFunction()
    {
        var service = Manifest.Map("services").Map("gateway");

        Assert.Equal("function", service.Scalar("host"));
        Assert.Equal("dotnet", service.Scalar("language"));
        var project = Path.Combine(BicepPaths.RepositoryRoot, service.Scalar("project"));
        Assert.True(File.Exists(Path.Combine(project, "FunctionGateway.csproj")), $"{project} holds no FunctionGateway.csproj");
    }

    [Fact]
    public void Service_Name_IsTheTagTheTemplatePutsOnTheFunctionApp()
    {
        var name = Assert.Single(Manifest.Map("services").Children).Key.ToString();

        Assert.Contains($"createObject('azd-service-name', '{name}')", fixture.Template.Module("functionapp").Argument("appTags"), StringComparison.Ordinal);
    }

    [Fact]
    public void Infra_PathAndModule_AreMainBicepAndTheParametersAzdReads()
    {
        var infra = Manifest.Map("infra");
        var folder = Path.GetFullPath(Path.Combine(BicepPaths.RepositoryRoot, infra.Scalar("path")));

        Assert.Equal("bicep", infra.Scalar("provider"));
        Assert.Equal(BicepPaths.MainTemplate, Path.Combine(folder, infra.Scalar("module") + ".bicep"));
        Assert.Equal(BicepPaths.AzdParameters, Path.Combine(folder, infra.Scalar("module") + ".parameters.json"));
        // A <module>.bicepparam would take the place of the .parameters.json file.
        Assert.False(File.Exists(Path.Combine(folder, infra.Scalar("module") + ".bicepparam")));
    }

    [Theory]
    [InlineData("posix", "sh")]
    [InlineData("windows", "pwsh")]
    public void Hook_PostProvision_IsAScriptOfTheRepository(string platform, string shell)
    {
        var hook = Manifest.Map("hooks").Map("postprovision").Map(platform);
        var script = Path.Combine(BicepPaths.RepositoryRoot, hook.Scalar("run"));

        Assert.Equal(shell, hook.Scalar("shell"));
        Assert.True(File.Exists(script), $"{script} does not exist");
        Assert.Contains("push --config", File.ReadAllText(script).Replace("'", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        if (platform == "posix" && !OperatingSystem.IsWindows())
        {
            Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, $"{script} is not executable");
        }
    }

    [Fact]
    public void Hook_Blob_IsTheTemplatesOutput()
    {
        // azd puts every output of the deployment into the environment the hook runs in.
        var script = File.ReadAllText(Path.Combine(BicepPaths.RepositoryRoot, "infra", "hooks", "postprovision.sh"));

        Assert.Contains("GATEWAY_CONFIG_BLOB_URI", script, StringComparison.Ordinal);
        Assert.Equal("string", fixture.Template.Root.GetProperty("outputs").GetProperty("GATEWAY_CONFIG_BLOB_URI").GetProperty("type").GetString());
        Assert.True(File.Exists(Path.Combine(BicepPaths.RepositoryRoot, "samples", "gateway.json")));
    }
}
