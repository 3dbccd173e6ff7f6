using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

[Collection(CompiledMainTemplate.Name)]
public sealed class MonitoringTests(MainTemplateFixture fixture)
{
    private ArmTemplate Monitoring => fixture.Template.Module("monitoring").Template;

    [Fact]
    public void AppInsights_Workspace_IsTheModulesLogAnalyticsWorkspace()
    {
        var properties = Monitoring.SingleResource(ResourceTypes.AppInsights).GetProperty("properties");

        Assert.Single(Monitoring.Resources(ResourceTypes.Workspace));
        Assert.Equal(
            "[resourceId('Microsoft.OperationalInsights/workspaces', parameters('workspaceName'))]",
            properties.GetProperty("WorkspaceResourceId").GetString());
    }

    [Fact]
    public void AppInsights_LocalAuth_IsDisabledSoOnlyEntraIngestionWorks()
    {
        var properties = Monitoring.SingleResource(ResourceTypes.AppInsights).GetProperty("properties");

        Assert.True(properties.GetProperty("DisableLocalAuth").GetBoolean());
    }
}
