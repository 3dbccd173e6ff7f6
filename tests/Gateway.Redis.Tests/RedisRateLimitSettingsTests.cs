using Microsoft.Extensions.Configuration;

namespace FunctionGateway.Redis.Tests;

public class RedisRateLimitSettingsTests
{
    private static RedisRateLimitSettings? Read(string? redis, string? timeout = null) =>
        RedisRateLimitSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:Redis"] = redis,
            ["Gateway:RateLimit:TimeoutMilliseconds"] = timeout,
        }).Build());

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Read_NotSet_NoRedis(string? value) => Assert.Null(Read(value));

    [Theory]
    [InlineData("gateway.westeurope.redis.azure.net", "gateway.westeurope.redis.azure.net:10000")]
    [InlineData("gateway.redis.cache.windows.net", "gateway.redis.cache.windows.net:6380")]
    [InlineData("gateway.redis.cache.windows.net:6390", "gateway.redis.cache.windows.net:6390")]
    public void Read_AzureHostNameAlone_EntraOverTls(string value, string endpoint)
    {
        var settings = Read(value)!;

        Assert.True(settings.UsesEntra);
        Assert.True(settings.Options!.Ssl);
        Assert.Equal(endpoint, settings.Display);
    }

    [Theory]
    [InlineData("127.0.0.1:6379")]
    [InlineData("gateway.redis.cache.windows.net:6380,password=not-a-token,ssl=true")]
    public void Read_ConnectionString_NoEntra(string value)
    {
        var settings = Read(value)!;

        Assert.False(settings.UsesEntra);
        Assert.Null(settings.Problem);
        Assert.DoesNotContain("not-a-token", settings.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Always_BoundsEveryWait()
    {
        var options = Read("127.0.0.1:6379", "250")!.Options!;

        Assert.Equal(250, options.AsyncTimeout);
        Assert.False(options.AbortOnConnectFail);
        Assert.Equal(StackExchange.Redis.BacklogPolicy.FailFast, options.BacklogPolicy);
    }

    [Theory]
    [InlineData("127.0.0.1:6379,password=s3cret,connectTimeout=soon", null, "Gateway:RateLimit:Redis is not a valid Redis connection string")]
    [InlineData("127.0.0.1:6379", "fast", "Gateway:RateLimit:TimeoutMilliseconds is 'fast': expected whole milliseconds from 10 to 60000 (default 500)")]
    [InlineData("127.0.0.1:6379", "0", "Gateway:RateLimit:TimeoutMilliseconds is '0': expected whole milliseconds from 10 to 60000 (default 500)")]
    public void Read_BadValue_ProblemWithoutTheSecret(string value, string? timeout, string problem)
    {
        var settings = Read(value, timeout)!;

        Assert.Equal(problem, settings.Problem);
        Assert.Null(settings.Options);
    }
}
