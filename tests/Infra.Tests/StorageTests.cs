using System.Text.Json;
using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

[Collection(CompiledMainTemplate.Name)]
public sealed class StorageTests(MainTemplateFixture fixture)
{
    private DeployedModule Storage => fixture.Template.Module("storage");

    private JsonElement AccountProperties =>
        Storage.Template.SingleResource(ResourceTypes.StorageAccount).GetProperty("properties");

    [Fact]
    public void Account_PublicBlobAccess_IsOff()
    {
        Assert.False(AccountProperties.GetProperty("allowBlobPublicAccess").GetBoolean());
    }

    [Fact]
    public void Account_SharedKeyAccess_IsOffSoOnlyEntraCanAuthenticate()
    {
        Assert.False(AccountProperties.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.True(AccountProperties.GetProperty("defaultToOAuthAuthentication").GetBoolean());
    }

    [Fact]
    public void Account_Transport_IsHttpsOnlyWithTls12()
    {
        Assert.True(AccountProperties.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", AccountProperties.GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void BlobService_Versioning_IsOnForConfigRollback()
    {
        var blob = Storage.Template.SingleResource(ResourceTypes.BlobService).GetProperty("properties");

        Assert.True(blob.GetProperty("isVersioningEnabled").GetBoolean());
        Assert.True(blob.GetProperty("deleteRetentionPolicy").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void Containers_DeploymentAndGateway_ExistAndArePrivate()
    {
        var containers = Storage.Template.Resources(ResourceTypes.BlobContainer).ToList();

        Assert.Equal(2, containers.Count);
        Assert.Contains(containers, c => c.GetProperty("name").GetString()!.Contains("parameters('configContainerName')", StringComparison.Ordinal));
        Assert.Contains(containers, c => c.GetProperty("name").GetString()!.Contains("parameters('deploymentContainerName')", StringComparison.Ordinal));
        Assert.All(containers, c => Assert.Equal("None", c.GetProperty("properties").GetProperty("publicAccess").GetString()));
        Assert.Equal("gateway", fixture.Template.Resolve(Storage.Argument("configContainerName")));
    }
}
