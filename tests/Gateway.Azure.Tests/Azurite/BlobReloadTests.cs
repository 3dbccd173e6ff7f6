using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using FunctionGateway.Azure.Tests.Hosting;

namespace FunctionGateway.Azure.Tests.Azurite;

/// <summary>
/// The gateway with its config in an Azurite blob: load, hot reload, last known good, recovery. The watcher polls
/// when the test moves the fake clock, so each assertion after a poll holds only because that poll happened.
/// </summary>
public sealed class BlobReloadTests : IAsyncLifetime
{
    private const string Blob = "gateway.json";

    private BlobContainerClient _container = null!;

    public async Task InitializeAsync() => _container = await Azurite.CreateContainerAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Serve_BlobHoldsConfig_ServesItsRoutes()
    {
        await _container.UploadAsync(Blob, GatewayConfigs.Version("1", "/one"));
        await using var gateway = await StartAsync();

        Assert.True(await ServesAsync(gateway, "/one", "1"));
        var status = await gateway.GetStatusAsync();
        var config = status.GetProperty("config");
        Assert.True(status.GetProperty("serving").GetBoolean());
        Assert.Equal((await _container.GetBlobClient(Blob).GetPropertiesAsync()).Value.ETag.ToString(), config.GetProperty("etag").GetString());
        Assert.Equal($"blob '{_container.GetBlobClient(Blob).Uri}'", config.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.String, config.GetProperty("loadedAt").ValueKind);
    }

    [Fact]
    public async Task Serve_BlobEdited_ServesNewRoutesWithoutRestart()
    {
        await _container.UploadAsync(Blob, GatewayConfigs.Version("1", "/one"));
        await using var gateway = await StartAsync();
        Assert.True(await ServesAsync(gateway, "/one", "1"));

        await _container.UploadAsync(Blob, GatewayConfigs.Version("2", "/two"));
        var servedBeforePoll = await ServesAsync(gateway, "/two", "2");
        await gateway.PollAsync();

        Assert.False(servedBeforePoll);
        Assert.True(await ServesAsync(gateway, "/two", "2"));
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Client.GetAsync(new Uri("/one", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData(GatewayConfigs.UnknownServer, "paths[0].integration.server")]
    [InlineData("{ \"paths\": [ ", "line 1")]
    public async Task Serve_InvalidVersionUploaded_KeepsOldVersionAndReportsErrors(string invalid, string expectedInError)
    {
        await _container.UploadAsync(Blob, GatewayConfigs.Version("1", "/one"));
        await using var gateway = await StartAsync();
        Assert.True(await ServesAsync(gateway, "/one", "1"));
        var goodTag = (await gateway.GetStatusAsync()).GetProperty("config").GetProperty("etag").GetString();

        await _container.UploadAsync(Blob, invalid);
        var badTag = (await _container.GetBlobClient(Blob).GetPropertiesAsync()).Value.ETag.ToString();
        await gateway.PollAsync();

        var config = (await gateway.GetStatusAsync()).GetProperty("config");
        var rejected = config.GetProperty("lastRejected");
        Assert.Equal(badTag, rejected.GetProperty("tag").GetString());
        var error = rejected.GetProperty("errors")[0].GetString()!;
        Assert.Contains(expectedInError, error, StringComparison.Ordinal);
        Assert.Equal(goodTag, config.GetProperty("etag").GetString());
        Assert.True(await ServesAsync(gateway, "/one", "1"));
        await gateway.PollAsync(5); // the rejected version is not parsed and logged again
        Assert.Equal(gateway.Clock.GetUtcNow(), await gateway.LastCheckedAtAsync());
        var rejections = gateway.Logs.Lines.Where(l => l.StartsWith($"Error: Config version {badTag} from blob", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(rejections);
        Assert.Contains($"keeping version {goodTag}", line, StringComparison.Ordinal);
        Assert.Contains(error, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_BlobDeleted_KeepsServingAndReportsSourceError()
    {
        await _container.UploadAsync(Blob, GatewayConfigs.Version("1", "/one"));
        await using var gateway = await StartAsync();
        Assert.True(await ServesAsync(gateway, "/one", "1"));

        await _container.DeleteBlobAsync(Blob);
        await gateway.PollAsync();

        var sourceError = (await gateway.GetStatusAsync()).GetProperty("config").GetProperty("sourceError").GetString()!;
        Assert.Equal($"cannot read blob '{_container.GetBlobClient(Blob).Uri}': the blob does not exist (404 BlobNotFound)", sourceError);
        Assert.True(await ServesAsync(gateway, "/one", "1"));
        await gateway.PollAsync(5); // the same cause is logged once
        Assert.Equal(gateway.Clock.GetUtcNow(), await gateway.LastCheckedAtAsync());
        Assert.Single(gateway.Logs.Lines, l => l.Contains(sourceError, StringComparison.Ordinal) && l.StartsWith("Error: Config source failed, keeping version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_NoBlobAtStart_Answers503NamingCauseThenRecovers()
    {
        await using var gateway = await StartAsync();
        var expected = $"cannot read blob '{_container.GetBlobClient(Blob).Uri}': the blob does not exist (404 BlobNotFound)";
        Assert.Equal(expected, (await gateway.GetStatusAsync()).GetProperty("config").GetProperty("sourceError").GetString());

        var response = await gateway.Client.GetAsync(new Uri("/one", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("ERR_CONFIG_UNAVAILABLE", body.GetProperty("code").GetString());
        Assert.Equal(expected, body.GetProperty("detail").GetString());

        await _container.UploadAsync(Blob, GatewayConfigs.Version("1", "/one"));
        await gateway.PollAsync();

        Assert.True(await ServesAsync(gateway, "/one", "1"));
        Assert.Equal(JsonValueKind.Null, (await gateway.GetStatusAsync()).GetProperty("config").GetProperty("sourceError").ValueKind);
    }

    [Fact]
    public async Task Status_ConfigWithSecret_ReportsReferenceButNeverItsValue()
    {
        const string secret = "status-must-never-show-this-value-0123456789";
        await _container.UploadAsync(Blob, """
            {
              "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "algorithm": "HS256" },
              "paths": [ { "method": "GET", "path": "/stable", "response": { "version": "1" } } ]
            }
            """);
        await using var gateway = await StartAsync(("JWT_SECRET", secret));
        Assert.True(await ServesAsync(gateway, "/stable", "1"));

        var status = await gateway.Client.GetStringAsync(new Uri("/.gateway/status", UriKind.Relative));

        Assert.DoesNotContain(secret, status, StringComparison.Ordinal);
        var reference = JsonDocument.Parse(status).RootElement.GetProperty("references")[0];
        Assert.Equal(("secret", "JWT_SECRET", "authorizer.secret", true),
            (reference.GetProperty("kind").GetString(), reference.GetProperty("name").GetString(),
             reference.GetProperty("location").GetString(), reference.GetProperty("resolved").GetBoolean()));
        var keySource = JsonDocument.Parse(status).RootElement.GetProperty("keySources")[0];
        Assert.Equal(("authorizer", "secret", 1),
            (keySource.GetProperty("authorizer").GetString(), keySource.GetProperty("state").GetProperty("kind").GetString(),
             keySource.GetProperty("state").GetProperty("keyCount").GetInt32()));
        Assert.DoesNotContain(gateway.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
    }

    private Task<GatewayHost> StartAsync(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Config:ConnectionString"] = Azurite.ConnectionString,
            ["Gateway:Config:Container"] = _container.Name,
            ["Gateway:Config:Blob"] = Blob,
            ["Gateway:Status:Path"] = "/.gateway/status",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return GatewayHost.StartAsync(settings);
    }

    internal static async Task<bool> ServesAsync(GatewayHost gateway, string path, string version)
    {
        using var response = await gateway.Client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK
            && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString() == version;
    }
}
