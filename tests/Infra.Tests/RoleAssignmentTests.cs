using System.Text.Json;
using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

[Collection(CompiledMainTemplate.Name)]
public sealed class RoleAssignmentTests(MainTemplateFixture fixture)
{
    private ArmTemplate Main => fixture.Template;

    private DeployedModule Roles => Main.Module("roles");

    [Fact]
    public void RoleAssignments_GatewayIdentity_GrantOnlyTheFourRolesTheGatewayNeeds()
    {
        var granted = Roles.Template.Resources(ResourceTypes.RoleAssignment)
            .Select(r => r.GetProperty("properties").GetProperty("roleDefinitionId").GetString())
            .Order(StringComparer.Ordinal);

        string[] expected =
        [
            BuiltInRoles.DefinitionId(BuiltInRoles.StorageBlobDataOwner),
            BuiltInRoles.DefinitionId(BuiltInRoles.StorageBlobDataReader),
            BuiltInRoles.DefinitionId(BuiltInRoles.KeyVaultSecretsUser),
            BuiltInRoles.DefinitionId(BuiltInRoles.MonitoringMetricsPublisher),
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), granted);
    }

    [Fact]
    public void RoleAssignments_Principal_IsTheGatewayIdentityAsServicePrincipal()
    {
        Assert.Equal(
            "[reference(resourceId('Microsoft.Resources/deployments', 'identity'), '2025-04-01').outputs.principalId.value]",
            Roles.Argument("principalId"));
        Assert.All(Roles.Template.Resources(ResourceTypes.RoleAssignment), r =>
        {
            var properties = r.GetProperty("properties");
            Assert.Equal("[parameters('principalId')]", properties.GetProperty("principalId").GetString());
            Assert.Equal("ServicePrincipal", properties.GetProperty("principalType").GetString());
        });
    }

    [Fact]
    public void RoleAssignments_Name_IsScopePrincipalAndRoleSoARecreatedIdentityGetsNewAssignments()
    {
        // A name built from the identity's resource id stays the same when the identity is deleted and
        // recreated under its name, and ARM then refuses to repoint the assignment at the new principal
        // (RoleAssignmentUpdateNotPermitted). Every assignment of the template, operators' included.
        Assert.All(Main.ResourcesEverywhere(ResourceTypes.RoleAssignment), r =>
        {
            var name = r.GetProperty("name").GetString()!;
            var roleId = r.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.Split('\'')[^2];
            Assert.StartsWith("[guid(", name, StringComparison.Ordinal);
            Assert.EndsWith($", parameters('principalId'), '{roleId}')]", name, StringComparison.Ordinal);
            Assert.Contains(r.GetProperty("scope").GetString()![1..^1], name, StringComparison.Ordinal);
            Assert.DoesNotContain("userAssignedIdentities", name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void StorageBlobDataOwner_Scope_IsTheAppsRuntimeStorageAccount()
    {
        var assignment = Assignment(BuiltInRoles.StorageBlobDataOwner);

        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", Scope(assignment));
        Assert.Equal(Main.Module("storage").Argument("name"), Roles.Argument("storageAccountName"));
    }

    [Fact]
    public void StorageBlobDataReader_Scope_IsTheGatewayContainerOfTheConfigAccount()
    {
        var assignment = Assignment(BuiltInRoles.StorageBlobDataReader);

        Assert.Equal(
            "[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('configStorageAccountName'), 'default', parameters('configContainerName'))]",
            Scope(assignment));
        Assert.Equal(Main.Module("configStorage").Argument("name"), Roles.Argument("configStorageAccountName"));
        Assert.Equal("gateway", Main.Resolve(Roles.Argument("configContainerName")));
    }

    [Fact]
    public void ConfigAccount_OnlyGrant_IsReadOnSoTheGatewayCannotRewriteItsConfig()
    {
        // Owner on the runtime account must not reach the config: the two accounts must differ.
        Assert.NotEqual(Main.Resolve(Main.Module("storage").Argument("name")), Main.Resolve(Main.Module("configStorage").Argument("name")));

        var onConfigAccount = Roles.Template.Resources(ResourceTypes.RoleAssignment)
            .Where(r => Scope(r)!.Contains("parameters('configStorageAccountName')", StringComparison.Ordinal))
            .Select(r => r.GetProperty("properties").GetProperty("roleDefinitionId").GetString());
        Assert.Equal([BuiltInRoles.DefinitionId(BuiltInRoles.StorageBlobDataReader)], onConfigAccount);
    }

    [Fact]
    public void KeyVaultSecretsUser_Scope_IsTheVault()
    {
        var assignment = Assignment(BuiltInRoles.KeyVaultSecretsUser);

        Assert.Equal("[resourceId('Microsoft.KeyVault/vaults', parameters('keyVaultName'))]", Scope(assignment));
        Assert.Equal(Main.Module("keyvault").Argument("name"), Roles.Argument("keyVaultName"));
    }

    [Fact]
    public void MonitoringMetricsPublisher_Scope_IsTheAppInsightsComponent()
    {
        var assignment = Assignment(BuiltInRoles.MonitoringMetricsPublisher);

        Assert.Equal("[resourceId('Microsoft.Insights/components', parameters('appInsightsName'))]", Scope(assignment));
        Assert.Equal(Main.Module("monitoring").Argument("appInsightsName"), Roles.Argument("appInsightsName"));
    }

    [Fact]
    public void FunctionApp_Deployment_WaitsForTheRoleAssignments()
    {
        var functionApp = Assert.Single(
            Main.Resources("Microsoft.Resources/deployments"),
            d => d.GetProperty("name").GetString() == "functionapp");

        var dependsOn = functionApp.GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString());
        Assert.Contains("[resourceId('Microsoft.Resources/deployments', 'roles')]", dependsOn);
    }

    private JsonElement Assignment(string roleId) =>
        Assert.Single(
            Roles.Template.Resources(ResourceTypes.RoleAssignment),
            r => r.GetProperty("properties").GetProperty("roleDefinitionId").GetString() == BuiltInRoles.DefinitionId(roleId));

    private static string? Scope(JsonElement assignment) => assignment.GetProperty("scope").GetString();
}
