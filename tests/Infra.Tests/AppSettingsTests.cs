using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

[Collection(CompiledMainTemplate.Name)]
public sealed class AppSettingsTests(MainTemplateFixture fixture)
{
    private DeployedModule FunctionApp => fixture.Template.Module("functionapp");

    private Dictionary<string, string> Settings =>
        FunctionApp.Template.SingleResource(ResourceTypes.Site)
            .GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings")
            .EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    [Fact]
    public void HostStorage_Settings_UseTheManagedIdentityNotAConnectionString()
    {
        var settings = Settings;

        Assert.Equal("[parameters('storageAccountName')]", settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
    }

    [Fact]
    public void Settings_AnyValue_CarriesNoStorageKeyOrConnectionString()
    {
        Assert.All(Settings, setting =>
        {
            Assert.DoesNotContain("listKeys", setting.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("AccountKey=", setting.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", setting.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("DefaultEndpointsProtocol", setting.Value, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void CompiledTemplate_Anywhere_NeverListsKeys()
    {
        Assert.DoesNotContain("listKeys", fixture.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", fixture.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ApplicationInsights_AuthenticationString_UsesTheIdentity()
    {
        Assert.Equal(
            "[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]",
            Settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Contains("'monitoring'", FunctionApp.Argument("appInsightsConnectionString"), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClientId_Setting_IsTheUserAssignedIdentityClientId()
    {
        Assert.Equal("[parameters('identityClientId')]", Settings["AZURE_CLIENT_ID"]);
        Assert.Equal(
            "[reference(resourceId('Microsoft.Resources/deployments', 'identity'), '2025-04-01').outputs.clientId.value]",
            FunctionApp.Argument("identityClientId"));
    }

    [Fact]
    public void GatewayConfig_BlobUri_PointsAtTheConfigBlobInTheConfigAccountsGatewayContainer()
    {
        Assert.Equal("[parameters('configBlobUri')]", Settings["Gateway__Config__BlobUri"]);
        Assert.Equal(
            "[format('{0}/{1}', reference(resourceId('Microsoft.Resources/deployments', 'configStorage'), '2025-04-01').outputs.containerUrl.value, parameters('configBlobName'))]",
            FunctionApp.Argument("configBlobUri"));

        var storage = fixture.Template.Module("configStorage");
        Assert.Equal(
            "[format('{0}{1}', reference(resourceId('Microsoft.Storage/storageAccounts', parameters('name')), '2023-05-01').primaryEndpoints.blob, parameters('containerName'))]",
            storage.Template.Output("containerUrl"));
        Assert.Equal("gateway", fixture.Template.Resolve(storage.Argument("containerName")));
    }

    [Fact]
    public void GatewayConfig_PollSecondsAndVault_ComeFromParameterAndVaultUri()
    {
        Assert.Equal("[string(parameters('configPollSeconds'))]", Settings["Gateway__Config__PollSeconds"]);
        Assert.Equal("[parameters('keyVaultUri')]", Settings["Gateway__KeyVault__Uri"]);
        Assert.Equal(
            "[reference(resourceId('Microsoft.Resources/deployments', 'keyvault'), '2025-04-01').outputs.uri.value]",
            FunctionApp.Argument("keyVaultUri"));
    }

    [Fact]
    public void Settings_FlexConsumption_OmitsSettingsThePlanRejects()
    {
        // Flex takes the runtime from functionAppConfig and refuses these as app settings.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", Settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", Settings.Keys);
    }

    [Fact]
    public void Cors_Origins_AreNotPassedToTheGatewayAsAnAppSetting()
    {
        Assert.DoesNotContain(Settings.Keys, k => k.StartsWith("Gateway__Cors", StringComparison.OrdinalIgnoreCase));
    }

    // Bicep lifts the condition over the whole argument: { value: ... } in each branch.
    private string StatusKeyArgument => FunctionApp.Parameters.GetProperty("statusKeyReference").GetString()!;

    [Fact]
    public void StatusEndpoint_ByDefault_IsOff()
    {
        // A blank setting is an unset one for the gateway: no path, no endpoint.
        Assert.Equal("[parameters('statusPath')]", Settings["Gateway__Status__Path"]);
        Assert.Equal("", fixture.Template.Parameter("statusPath").GetProperty("defaultValue").GetString());
        Assert.StartsWith("[if(empty(parameters('statusPath')), createObject('value', ''), ", StatusKeyArgument, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusEndpoint_Key_IsAKeyVaultReferenceTheAppResolvesWithItsIdentity()
    {
        Assert.Equal("[parameters('statusKeyReference')]", Settings["Gateway__Status__Key"]);
        Assert.Equal(
            "[if(empty(parameters('statusPath')), createObject('value', ''), createObject('value', format('@Microsoft.KeyVault(SecretUri={0}secrets/{1})', " +
            "reference(resourceId('Microsoft.Resources/deployments', 'keyvault'), '2025-04-01').outputs.uri.value, parameters('statusKeySecretName'))))]",
            StatusKeyArgument);
        Assert.Equal("gateway-status-key", fixture.Template.Parameter("statusKeySecretName").GetProperty("defaultValue").GetString());
    }
}
