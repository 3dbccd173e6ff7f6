using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

/// <summary>The data roles the deploying operator gets when principalId is given (azd passes the signed-in user).</summary>
[Collection(CompiledMainTemplate.Name)]
public sealed class OperatorRoleTests(MainTemplateFixture fixture)
{
    private DeployedModule Roles => fixture.Template.Module("operatorRoles");

    [Fact]
    public void Module_WithoutPrincipalId_IsNotDeployed()
    {
        var deployment = Assert.Single(fixture.Template.Resources("Microsoft.Resources/deployments"), d => d.GetProperty("name").GetString() == "operatorRoles");

        Assert.Equal("[not(empty(parameters('principalId')))]", deployment.GetProperty("condition").GetString());
        Assert.Equal("", fixture.Template.Parameter("principalId").GetProperty("defaultValue").GetString());
        Assert.Equal("[parameters('principalId')]", Roles.Argument("principalId"));
        Assert.Equal("[parameters('principalType')]", Roles.Argument("principalType"));
    }

    [Fact]
    public void ConfigWriter_Scope_IsTheConfigContainerOnly()
    {
        var assignment = Assignment(BuiltInRoles.StorageBlobDataContributor);

        Assert.Equal(
            "[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('configStorageAccountName'), 'default', parameters('configContainerName'))]",
            assignment.GetProperty("scope").GetString());
        Assert.Equal(fixture.Template.Module("configStorage").Argument("name"), Roles.Argument("configStorageAccountName"));
    }

    [Fact]
    public void SecretsOfficer_Scope_IsTheVault()
    {
        var assignment = Assignment(BuiltInRoles.KeyVaultSecretsOfficer);

        Assert.Equal("[resourceId('Microsoft.KeyVault/vaults', parameters('keyVaultName'))]", assignment.GetProperty("scope").GetString());
        Assert.Equal(fixture.Template.Module("keyvault").Argument("name"), Roles.Argument("keyVaultName"));
    }

    [Fact]
    public void RoleAssignments_Operator_OnlyTheTwo()
    {
        Assert.Equal(2, Roles.Template.Resources(ResourceTypes.RoleAssignment).Count());
        Assert.All(Roles.Template.Resources(ResourceTypes.RoleAssignment), r =>
        {
            Assert.Equal("[parameters('principalId')]", r.GetProperty("properties").GetProperty("principalId").GetString());
            Assert.Equal("[parameters('principalType')]", r.GetProperty("properties").GetProperty("principalType").GetString());
        });
    }

    private System.Text.Json.JsonElement Assignment(string roleId) =>
        Assert.Single(
            Roles.Template.Resources(ResourceTypes.RoleAssignment),
            r => r.GetProperty("properties").GetProperty("roleDefinitionId").GetString() == BuiltInRoles.DefinitionId(roleId));
}
