using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FunctionGateway.Hosting;
using Microsoft.Extensions.Configuration;

namespace FunctionGateway.Azure.Tests.Hosting;

public sealed class GatewaySettingsTests
{
    [Theory]
    [InlineData("Gateway:Config:PollSeconds", "soon", "Gateway:Config:PollSeconds is 'soon': expected a number of seconds above 0 up to 86400 (default 30)")]
    [InlineData("Gateway:Config:PollSeconds", "0", "Gateway:Config:PollSeconds is '0': expected a number of seconds above 0 up to 86400 (default 30)")]
    [InlineData("Gateway:Secrets:RefreshSeconds", "-1", "Gateway:Secrets:RefreshSeconds is '-1': expected a number of seconds from 0 up to 86400 (default 300)")]
    [InlineData("Gateway:Config:BlobUri", "http://acct.blob.core.windows.net/gateway/gateway.json?sv=2024&sig=SECRET", "Gateway:Config:BlobUri is 'http://acct.blob.core.windows.net/gateway/gateway.json?(query hidden)': expected an absolute https:// URI")]
    [InlineData("Gateway:Config:BlobUri", "gateway/config.json", "Gateway:Config:BlobUri is 'gateway/config.json': expected an absolute https:// URI")]
    [InlineData("Gateway:KeyVault:Uri", "http://my-vault.vault.azure.net/", "Gateway:KeyVault:Uri is 'http://my-vault.vault.azure.net/': expected an absolute https:// URI")]
    [InlineData("Gateway:KeyVault:Uri", "my-vault", "Gateway:KeyVault:Uri is 'my-vault': expected an absolute https:// URI")]
    [InlineData("Gateway:Config:ConnectionString", "UseDevelopmentStorage=true", "Gateway:Config:ConnectionString is set but Gateway:Config:Container is not: a connection string needs the container and the blob name of the config")]
    [InlineData("Gateway:Status:Path", "status", "Gateway:Status:Path is 'status': expected a path starting with '/', such as '/.gateway/status'")]
    public void Read_BadSetting_ReportsProblemNamingIt(string key, string value, string expected)
    {
        var settings = GatewaySettings.Read(new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build());

        Assert.Equal(expected, Assert.Single(settings.Problems));
    }

    [Fact]
    public void Read_NoSettings_DefaultsAndNoSource()
    {
        var settings = GatewaySettings.Read(new ConfigurationBuilder().Build());

        Assert.Empty(settings.Problems);
        Assert.False(settings.HasBlob);
        Assert.Null(settings.StatusPath);
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(300)), (settings.Watcher.PollInterval, settings.Watcher.SecretRefreshInterval));
    }

    [Theory]
    [InlineData(null, "no config source is set: set Gateway:Config:Path (a file), Gateway:Config:BlobUri, or Gateway:Config:ConnectionString with Gateway:Config:Container and Gateway:Config:Blob")]
    [InlineData("soon", "Gateway:Config:PollSeconds is 'soon': expected a number of seconds above 0 up to 86400 (default 30)")]
    public async Task Serve_NoUsableSource_Answers503NamingSetting(string? pollSeconds, string expected)
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Gateway:Config:PollSeconds"] = pollSeconds });

        using var response = await gateway.Client.GetAsync(new Uri("/anything", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Status_PathNotSet_IsNotServed()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>());

        using var response = await gateway.Client.GetAsync(new Uri("/.gateway/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("ERR_CONFIG_UNAVAILABLE", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
