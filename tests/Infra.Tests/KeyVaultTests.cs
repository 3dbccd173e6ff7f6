using System.Text.Json;
using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

[Collection(CompiledMainTemplate.Name)]
public sealed class KeyVaultTests(MainTemplateFixture fixture)
{
    private ArmTemplate KeyVault => fixture.Template.Module("keyvault").Template;

    private JsonElement VaultProperties => KeyVault.SingleResource(ResourceTypes.KeyVault).GetProperty("properties");

    [Fact]
    public void Vault_Authorization_IsRbacWithNoAccessPolicies()
    {
        Assert.True(VaultProperties.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.False(VaultProperties.TryGetProperty("accessPolicies", out _));
    }

    [Fact]
    public void Vault_Deletion_IsSoftWithPurgeProtection()
    {
        Assert.True(VaultProperties.GetProperty("enableSoftDelete").GetBoolean());
        Assert.True(VaultProperties.GetProperty("enablePurgeProtection").GetBoolean());
        Assert.Equal("[parameters('softDeleteRetentionInDays')]", VaultProperties.GetProperty("softDeleteRetentionInDays").GetString());
        Assert.Equal(90, KeyVault.Parameter("softDeleteRetentionInDays").GetProperty("defaultValue").GetInt32());
    }

    [Fact]
    public void Vault_AuditLog_GoesToTheWorkspace()
    {
        var diagnostics = KeyVault.SingleResource(ResourceTypes.DiagnosticSettings);
        var properties = diagnostics.GetProperty("properties");

        Assert.Equal("[resourceId('Microsoft.KeyVault/vaults', parameters('name'))]", diagnostics.GetProperty("scope").GetString());
        Assert.Equal("[parameters('workspaceId')]", properties.GetProperty("workspaceId").GetString());
        var log = Assert.Single(properties.GetProperty("logs").EnumerateArray());
        Assert.Equal("audit", log.GetProperty("categoryGroup").GetString());
    }
}
