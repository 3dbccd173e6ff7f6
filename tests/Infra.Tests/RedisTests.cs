using System.Text.Json;
using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

/// <summary>The optional Azure Managed Redis of the rate limits: off by default, Entra sign-in only, the app's identity granted data access.</summary>
[Collection(CompiledMainTemplate.Name)]
public sealed class RedisTests(MainTemplateFixture fixture)
{
    private const string RedisEnterprise = "Microsoft.Cache/redisEnterprise";
    private const string Database = "Microsoft.Cache/redisEnterprise/databases";
    private const string AccessPolicyAssignment = "Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments";

    private ArmTemplate Redis => fixture.Template.Module("redis").Template;

    [Fact]
    public void Redis_ByDefault_IsNotDeployedAndTheAppCountsAlone()
    {
        var deployment = Assert.Single(fixture.Template.Resources("Microsoft.Resources/deployments"), d => d.GetProperty("name").GetString() == "redis");

        Assert.Equal("[parameters('enableRateLimitRedis')]", deployment.GetProperty("condition").GetString());
        Assert.False(fixture.Template.Parameter("enableRateLimitRedis").GetProperty("defaultValue").GetBoolean());
        Assert.Contains("'redis'", fixture.Template.Module("functionapp").Argument("rateLimitRedis"), StringComparison.Ordinal);
    }

    [Fact]
    public void Database_AccessKeys_AreOffAndOnlyTlsIsServed()
    {
        var properties = Redis.SingleResource(Database).GetProperty("properties");

        Assert.Equal("Disabled", properties.GetProperty("accessKeysAuthentication").GetString());
        Assert.Equal("Encrypted", properties.GetProperty("clientProtocol").GetString());
        // The port the gateway assumes for an Azure Managed Redis host name given alone.
        Assert.Equal(10000, properties.GetProperty("port").GetInt32());
        Assert.Equal("1.2", Redis.SingleResource(RedisEnterprise).GetProperty("properties").GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void DataAccess_IsGrantedToTheAppsIdentity()
    {
        var assignment = Redis.SingleResource(AccessPolicyAssignment).GetProperty("properties");

        Assert.Equal("default", assignment.GetProperty("accessPolicyName").GetString());
        Assert.Equal("[parameters('principalId')]", assignment.GetProperty("user").GetProperty("objectId").GetString());
        Assert.Equal(
            "[reference(resourceId('Microsoft.Resources/deployments', 'identity'), '2025-04-01').outputs.principalId.value]",
            fixture.Template.Module("redis").Argument("principalId"));
    }

    [Fact]
    public void AppSetting_IsTheHostNameAlone_SoTheAppSignsInWithItsIdentity()
    {
        var settings = fixture.Template.Module("functionapp").Template.SingleResource(ResourceTypes.Site)
            .GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

        Assert.Equal("[parameters('rateLimitRedis')]", settings["Gateway__RateLimit__Redis"]);
        Assert.Equal("[reference(resourceId('Microsoft.Cache/redisEnterprise', parameters('name')), '2025-04-01').hostName]", Redis.Root.GetProperty("outputs").GetProperty("hostName").GetProperty("value").GetString());
        Assert.DoesNotContain("listKeys", JsonSerializer.Serialize(Redis.Root), StringComparison.OrdinalIgnoreCase);
    }
}
