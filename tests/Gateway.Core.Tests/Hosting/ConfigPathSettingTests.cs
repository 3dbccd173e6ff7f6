using System.Text;
using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Tests.Hosting;

/// <summary><c>Gateway:Config:Path</c>: a config file named by the settings, as the Function App reads one locally.</summary>
public sealed class ConfigPathSettingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-config-path-").FullName;

    [Fact]
    public async Task Watcher_RelativePath_IsReadFromTheHostsBaseDirectoryAndReloaded()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "samples"));
        var file = Path.Combine(_folder, "samples", "gateway.json");
        await File.WriteAllTextAsync(file, Route("first"));
        using var services = Create(new() { ["Gateway:Config:Path"] = "samples/gateway.json" }, _folder);
        var watcher = services.GetRequiredService<ConfigWatcher>();

        await watcher.CheckAsync(CancellationToken.None);
        var first = await GetAsync(services, "/which");
        await File.WriteAllTextAsync(file, Route("second"));
        await watcher.CheckAsync(CancellationToken.None);
        var second = await GetAsync(services, "/which");

        Assert.Equal($"file '{file}'", watcher.Status.Source);
        Assert.Equal((200, "\"first\""), first);
        Assert.Equal((200, "\"second\""), second);
    }

    [Fact]
    public async Task Watcher_MissingFile_Answers503NamingTheResolvedPath()
    {
        using var services = Create(new() { ["Gateway:Config:Path"] = "gateway.json" }, _folder);

        await services.GetRequiredService<ConfigWatcher>().CheckAsync(CancellationToken.None);
        var (status, body) = await GetAsync(services, "/which");

        Assert.Equal(503, status);
        Assert.Contains($"cannot read file '{Path.Combine(_folder, "gateway.json")}'", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Gateway:Config:ConnectionString", "UseDevelopmentStorage=true", "Gateway:Config:ConnectionString")]
    [InlineData("Gateway:Config:BlobUri", "https://acct.blob.core.windows.net/gateway/gateway.json", "Gateway:Config:BlobUri")]
    public void Read_PathAndBlob_IsAProblemNamingBoth(string key, string value, string named)
    {
        var settings = GatewaySettings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Config:Path"] = "gateway.json",
            [key] = value,
            ["Gateway:Config:Container"] = "gateway",
            ["Gateway:Config:Blob"] = "gateway.json",
        }).Build());

        Assert.Equal($"Gateway:Config:Path and {named} are both set: the config comes from one source, a file or a blob; unset one of them",
            Assert.Single(settings.Problems));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Route(string answer) =>
        $$"""{ "paths": [{ "method": "GET", "path": "/which", "response": "{{answer}}" }] }""";

    private static ServiceProvider Create(Dictionary<string, string?> settings, string baseDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .Configure<GatewayHostOptions>(o => o.ConfigBaseDirectory = baseDirectory)
            .AddGatewayEngine()
            .AddGatewayConfigWatcher()
            .BuildServiceProvider();
    }

    private static async Task<(int Status, string Body)> GetAsync(IServiceProvider services, string path)
    {
        var engine = services.GetRequiredService<GatewayEngine>();
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        context.Request.Method = "GET";
        context.Request.Path = path;
        if (await engine.MatchAsync(context) && await engine.AuthorizeAsync(context))
        {
            await engine.DispatchAsync(context);
        }

        return (context.Response.StatusCode, Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }
}
