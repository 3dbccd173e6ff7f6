using System.Text.RegularExpressions;
using FunctionGateway.Infra.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace FunctionGateway.Infra.Tests;

/// <summary>
/// .github/workflows/deploy.yml, the deployment pipeline users copy: it parses, signs in with OIDC only, and every
/// path and command it runs exists in the repository. (It cannot run here; its steps are the documented ones.)
/// </summary>
public sealed partial class DeployWorkflowTests
{
    private static readonly YamlMappingNode Workflow = YamlFile.Load(".github/workflows/deploy.yml");

    private static List<YamlMappingNode> Steps =>
        Workflow.Map("jobs").Map("deploy").Sequence("steps").Children.Cast<YamlMappingNode>().ToList();

    [Fact]
    public void Trigger_PushToMain_Deploys()
    {
        var branches = Workflow.Map("on").Map("push").Sequence("branches").Children.Select(b => b.ToString());

        Assert.Contains("main", branches);
    }

    [Fact]
    public void Login_AzureLogin_UsesOpenIdConnectAndNoStoredSecret()
    {
        var login = Step("azure/login@");
        var with = login.Map("with");

        Assert.Equal("write", Workflow.Map("permissions").Scalar("id-token"));
        Assert.Equal("${{ vars.AZURE_CLIENT_ID }}", with.Scalar("client-id"));
        Assert.Equal("${{ vars.AZURE_TENANT_ID }}", with.Scalar("tenant-id"));
        Assert.Equal("${{ vars.AZURE_SUBSCRIPTION_ID }}", with.Scalar("subscription-id"));
        Assert.Null(with.OptionalScalar("creds"));
        Assert.Null(with.OptionalScalar("client-secret"));
        Assert.DoesNotContain("secrets.", File.ReadAllText(Path.Combine(BicepPaths.RepositoryRoot, ".github", "workflows", "deploy.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_FunctionsAction_IsFlexConsumptionWithTheFolderThePublishStepWrites()
    {
        var with = Step("Azure/functions-action@").Map("with");
        var publish = Run("dotnet publish ");
        var output = PublishOutput().Match(publish);

        Assert.Equal("flexconsumption", with.Scalar("sku"));
        Assert.True(output.Success, publish);
        Assert.Equal(output.Groups["output"].Value, with.Scalar("package"));
        Assert.True(File.Exists(Path.Combine(BicepPaths.RepositoryRoot, output.Groups["project"].Value)), publish);
    }

    [Fact]
    public void Order_ConfigValidated_BeforeAzureIsTouched_AndPushedAfterTheCode()
    {
        var names = Steps.Select(s => s.OptionalScalar("uses") ?? s.OptionalScalar("run") ?? "").ToList();
        var validate = names.FindIndex(n => n.Contains(" validate ", StringComparison.Ordinal));
        var login = names.FindIndex(n => n.StartsWith("azure/login@", StringComparison.Ordinal));
        var deploy = names.FindIndex(n => n.StartsWith("Azure/functions-action@", StringComparison.Ordinal));
        var push = names.FindIndex(n => n.Contains("push --config", StringComparison.Ordinal));

        Assert.True(validate >= 0 && validate < login && login < deploy && deploy < push, string.Join(" | ", names));
        Assert.Contains("--host functions", names[validate], StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_DotnetRunProjects_ExistAndTheSampleConfigIsTheDefault()
    {
        var projects = Steps.Select(s => s.OptionalScalar("run")).OfType<string>()
            .SelectMany(r => RunProject().Matches(r)).Select(m => m.Groups["project"].Value).ToList();

        Assert.NotEmpty(projects);
        Assert.All(projects, p => Assert.True(Directory.Exists(Path.Combine(BicepPaths.RepositoryRoot, p)), p));
        var configFile = Workflow.Map("jobs").Map("deploy").Map("env").Scalar("GATEWAY_CONFIG_FILE");
        Assert.Contains("'samples/gateway.json'", configFile, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(BicepPaths.RepositoryRoot, "samples", "gateway.json")));
    }

    private static YamlMappingNode Step(string usesPrefix) =>
        Assert.Single(Steps, s => s.OptionalScalar("uses")?.StartsWith(usesPrefix, StringComparison.Ordinal) == true);

    private static string Run(string prefix) =>
        Assert.Single(Steps.Select(s => s.OptionalScalar("run")).OfType<string>(), r => r.StartsWith(prefix, StringComparison.Ordinal));

    [GeneratedRegex(@"^dotnet publish (?<project>\S+) .*-o (?<output>\S+)")]
    private static partial Regex PublishOutput();

    [GeneratedRegex(@"dotnet run --project (?<project>\S+)")]
    private static partial Regex RunProject();
}
