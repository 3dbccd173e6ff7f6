using System.Text.Json;
using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

[Collection(CompiledMainTemplate.Name)]
public sealed class FunctionAppTests(MainTemplateFixture fixture)
{
    private static bool HasProperty(JsonElement element, string name) =>
        element.EnumerateObject().Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private ArmTemplate FunctionApp => fixture.Template.Module("functionapp").Template;

    private JsonElement Site => FunctionApp.SingleResource(ResourceTypes.Site);

    private JsonElement SiteProperties => Site.GetProperty("properties");

    private JsonElement SiteConfig => SiteProperties.GetProperty("siteConfig");

    private JsonElement FunctionAppConfig => SiteProperties.GetProperty("functionAppConfig");

    [Fact]
    public void Plan_Sku_IsFlexConsumptionOnLinux()
    {
        var plan = FunctionApp.SingleResource(ResourceTypes.ServerFarm);

        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.True(plan.GetProperty("properties").GetProperty("reserved").GetBoolean());
        Assert.Equal("functionapp,linux", Site.GetProperty("kind").GetString());
    }

    [Fact]
    public void Runtime_FunctionAppConfig_IsDotnetIsolated10()
    {
        var runtime = FunctionAppConfig.GetProperty("runtime");

        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal("10.0", runtime.GetProperty("version").GetString());
    }

    [Fact]
    public void Scale_FunctionAppConfig_TakesInstanceLimitsFromParameters()
    {
        var scale = FunctionAppConfig.GetProperty("scaleAndConcurrency");

        Assert.Equal("[parameters('maximumInstanceCount')]", scale.GetProperty("maximumInstanceCount").GetString());
        Assert.Equal("[parameters('instanceMemoryMB')]", scale.GetProperty("instanceMemoryMB").GetString());
    }

    [Fact]
    public void DeploymentStorage_Authentication_UsesTheUserAssignedIdentity()
    {
        var storage = FunctionAppConfig.GetProperty("deployment").GetProperty("storage");
        var authentication = storage.GetProperty("authentication");

        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.Equal("UserAssignedIdentity", authentication.GetProperty("type").GetString());
        Assert.Equal("[parameters('identityId')]", authentication.GetProperty("userAssignedIdentityResourceId").GetString());
        Assert.False(authentication.TryGetProperty("storageAccountConnectionStringName", out _));
    }

    [Fact]
    public void Identity_Site_IsOnlyTheUserAssignedIdentity()
    {
        var identity = Site.GetProperty("identity");

        Assert.Equal("UserAssigned", identity.GetProperty("type").GetString());
        var assigned = Assert.Single(identity.GetProperty("userAssignedIdentities").EnumerateObject());
        Assert.Equal("[format('{0}', parameters('identityId'))]", assigned.Name);
        Assert.Equal("[parameters('identityId')]", SiteProperties.GetProperty("keyVaultReferenceIdentity").GetString());
    }

    [Fact]
    public void Transport_Site_IsHttpsOnlyWithTls12()
    {
        Assert.True(SiteProperties.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("1.2", SiteConfig.GetProperty("minTlsVersion").GetString());
        Assert.Equal("1.2", SiteConfig.GetProperty("scmMinTlsVersion").GetString());
    }

    // "Flex Consumption plan deprecations" in the Functions app settings reference: site properties the
    // plan does not support or that moved to functionAppConfig. ARM rejects some of them for a Flex site.
    public static TheoryData<string> UnsupportedOnFlex =>
    [
        "ftpsState", "use32BitWorkerProcess", "isReserved", "isXenon", "windowsFxVersion", "linuxFxVersion",
        "alwaysOn", "preWarmedInstanceCount", "functionAppScaleLimit", "containerSize", "javaVersion",
        "powerShellVersion", "netFrameworkVersion",
    ];

    [Theory]
    [MemberData(nameof(UnsupportedOnFlex))]
    public void Site_FlexConsumption_SetsNoPropertyThePlanDoesNotSupport(string property)
    {
        Assert.False(HasProperty(SiteProperties, property), $"properties.{property} is set");
        Assert.False(HasProperty(SiteConfig, property), $"properties.siteConfig.{property} is set");
    }

    [Fact]
    public void BasicPublishingCredentials_FtpAndScm_AreDisallowed()
    {
        var policies = FunctionApp.Resources(ResourceTypes.PublishingCredentials).ToList();

        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p.GetProperty("properties").GetProperty("allow").GetBoolean()));
    }

    [Fact]
    public void BasicPublishingCredentials_Location_IsPassedBecauseArmCanFailWithoutIt()
    {
        Assert.All(FunctionApp.Resources(ResourceTypes.PublishingCredentials),
            p => Assert.Equal("[parameters('location')]", p.GetProperty("location").GetString()));
    }

    [Fact]
    public void Tags_App_CarryTheServiceNameAzdDeploysTo()
    {
        Assert.Equal("[parameters('appTags')]", Site.GetProperty("tags").GetString());
        Assert.Equal(
            "[union(variables('resourceTags'), createObject('azd-service-name', 'gateway'))]",
            fixture.Template.Module("functionapp").Argument("appTags"));
    }

    [Fact]
    public void Cors_PlatformOrigins_ComeOnlyFromTheAllowedCorsOriginsParameter()
    {
        var cors = SiteConfig.GetProperty("cors");

        Assert.Equal("[parameters('allowedCorsOrigins')]", cors.GetProperty("allowedOrigins").GetString());
        Assert.Equal("[parameters('allowedCorsOrigins')]", fixture.Template.Module("functionapp").Argument("allowedCorsOrigins"));
        Assert.False(cors.TryGetProperty("supportCredentials", out _));
    }
}
