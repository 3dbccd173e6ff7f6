using System.Text.Json;
using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

[Collection(CompiledMainTemplate.Name)]
public sealed class StorageTests(MainTemplateFixture fixture)
{
    public static TheoryData<string> Accounts => ["storage", "configStorage"];

    [Theory]
    [MemberData(nameof(Accounts))]
    public void Account_PublicBlobAccess_IsOff(string module)
    {
        Assert.False(AccountProperties(module).GetProperty("allowBlobPublicAccess").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public void Account_SharedKeyAccess_IsOffSoOnlyEntraCanAuthenticate(string module)
    {
        Assert.False(AccountProperties(module).GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.True(AccountProperties(module).GetProperty("defaultToOAuthAuthentication").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public void Account_Transport_IsHttpsOnlyWithTls12(string module)
    {
        Assert.True(AccountProperties(module).GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", AccountProperties(module).GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void ConfigAccount_Versioning_IsOnForConfigRollback()
    {
        var blob = Storage("configStorage").Template.SingleResource(ResourceTypes.BlobService).GetProperty("properties");

        Assert.Equal("[parameters('keepVersions')]", blob.GetProperty("isVersioningEnabled").GetString());
        Assert.True(Storage("configStorage").Parameters.GetProperty("keepVersions").GetProperty("value").GetBoolean());
        Assert.True(blob.GetProperty("deleteRetentionPolicy").GetProperty("enabled").GetBoolean());
    }

    [Theory]
    [InlineData("storage", "app-package")]
    [InlineData("configStorage", "gateway")]
    public void Container_OfEachAccount_IsTheOneItHoldsAndIsPrivate(string module, string container)
    {
        var storage = Storage(module);
        var only = Assert.Single(storage.Template.Resources(ResourceTypes.BlobContainer));

        Assert.Contains("parameters('containerName')", only.GetProperty("name").GetString()!, StringComparison.Ordinal);
        Assert.Equal("None", only.GetProperty("properties").GetProperty("publicAccess").GetString());
        Assert.Equal(container, fixture.Template.Resolve(storage.Argument("containerName")));
    }

    private DeployedModule Storage(string module) => fixture.Template.Module(module);

    private JsonElement AccountProperties(string module) =>
        Storage(module).Template.SingleResource(ResourceTypes.StorageAccount).GetProperty("properties");
}
