using System.Text.Json;
using FunctionGateway.Azure.Tests.Azurite;
using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests.Push;

public sealed class PushCommandTests
{
    [Fact]
    public async Task Push_NewBlob_CreatesItAndReviewsEveryRouteAsAdded()
    {
        await using var target = await PushTarget.CreateAsync();
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", PushConfigs.First);

        var result = await target.PushAsync("--config", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(PushConfigs.First, await target.ReadAsync());
        Assert.Contains($"blob '{target.Blob.Uri}': does not exist yet", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("review (" + file + " as a new blob):", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  + GET /orders/{id} (paths[1]): ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("uploaded: created", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_ChangedConfig_ReviewsTheChangeAndWritesOverTheVersionReviewed()
    {
        await using var target = await PushTarget.CreateAsync();
        await target.Container.UploadAsync(PushTarget.BlobName, PushConfigs.First);
        var before = await target.ETagAsync();
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", PushConfigs.Second);

        var result = await target.PushAsync("--config", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(PushConfigs.Second, await target.ReadAsync());
        var after = await target.ETagAsync();
        Assert.Contains($"current version ETag {before}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  + GET /version (paths[2]): ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("servers", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"uploaded: ETag {before} -> {after}", result.Stdout, StringComparison.Ordinal);
        // Azurite keeps no blob versions, so push keeps the replaced version as a snapshot.
        var snapshot = Assert.Single(await target.SnapshotsAsync());
        Assert.Contains($"kept as snapshot {snapshot}", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(PushConfigs.First, (await target.Blob.WithSnapshot(snapshot).DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Push_ConfigTheGatewayRejects_ExitsOneAndUploadsNothing()
    {
        await using var target = await PushTarget.CreateAsync();
        await target.Container.UploadAsync(PushTarget.BlobName, PushConfigs.First);
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", PushConfigs.Rejected);

        var result = await target.PushAsync("--config", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(PushConfigs.First, await target.ReadAsync());
        Assert.Contains("error: paths[0].integration.server: unknown server alias 'orders'", result.Stdout, StringComparison.Ordinal);
        Assert.Equal($"refused: {file} would be rejected by the gateway (1 error above); nothing uploaded", result.Stderr.Trim());
    }

    [Fact]
    public async Task Push_FunctionsHost_RefusesARouteTheFunctionAppCannotServe()
    {
        // The blob is read by the Function App, where /runtime is the platform's: an error there, a warning for serve.
        await using var target = await PushTarget.CreateAsync();
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", """{ "paths": [{ "method": "GET", "path": "/runtime/x", "response": {} }] }""");

        var functions = await target.PushAsync("--config", file, "--dry-run");
        var serve = await target.PushAsync("--config", file, "--dry-run", "--host", "serve");

        Assert.True(functions.ExitCode == 1, functions.ToString());
        Assert.True(serve.ExitCode == 0, serve.ToString());
    }

    [Fact]
    public async Task Push_DryRun_PrintsTheReviewAndUploadsNothing()
    {
        await using var target = await PushTarget.CreateAsync();
        await target.Container.UploadAsync(PushTarget.BlobName, PushConfigs.First);
        var etag = await target.ETagAsync();
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", PushConfigs.Second);

        var result = await target.PushAsync("--config", file, "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  + GET /version (paths[2]): ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"dry run: nothing uploaded (a push now writes over ETag {etag} only)", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(PushConfigs.First, await target.ReadAsync());
        Assert.Equal(etag, await target.ETagAsync());
        Assert.Empty(await target.SnapshotsAsync());
    }

    [Fact]
    public async Task Push_SameText_ReportsUnchangedAndWritesNothing()
    {
        await using var target = await PushTarget.CreateAsync();
        await target.Container.UploadAsync(PushTarget.BlobName, PushConfigs.First);
        var etag = await target.ETagAsync();
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", PushConfigs.First);

        var result = await target.PushAsync("--config", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("unchanged: the blob already holds exactly this config; nothing uploaded", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(etag, await target.ETagAsync());
    }

    [Fact]
    public async Task Push_IfAbsentOnAnExistingBlob_LeavesItAsItIs()
    {
        await using var target = await PushTarget.CreateAsync();
        await target.Container.UploadAsync(PushTarget.BlobName, PushConfigs.First);
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", PushConfigs.Second);

        var result = await target.PushAsync("--config", file, "--if-absent");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("exists: --if-absent leaves it as it is; nothing uploaded", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(PushConfigs.First, await target.ReadAsync());
    }

    [Fact]
    public async Task Rollback_AfterAPush_RestoresThePreviousVersionAsANewOne()
    {
        await using var target = await PushTarget.CreateAsync();
        using var dir = new TempDir();
        Assert.Equal(0, (await target.PushAsync("--config", dir.Write("v1.json", PushConfigs.First))).ExitCode);
        Assert.Equal(0, (await target.PushAsync("--config", dir.Write("v2.json", PushConfigs.Second))).ExitCode);
        var snapshot = Assert.Single(await target.SnapshotsAsync());

        var result = await target.PushAsync("--rollback");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(PushConfigs.First, await target.ReadAsync());
        Assert.StartsWith($"rollback of blob '{target.Blob.Uri}' to its snapshot {snapshot}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  - GET /version (was paths[2])", result.Stdout, StringComparison.Ordinal);
        // The rolled-back version is itself kept, so a second rollback re-applies the change.
        Assert.Equal(2, (await target.SnapshotsAsync()).Count);
    }

    [Fact]
    public async Task Rollback_NoPreviousVersion_ExitsTwoSayingWhy()
    {
        await using var target = await PushTarget.CreateAsync();
        await target.Container.UploadAsync(PushTarget.BlobName, PushConfigs.First);

        var result = await target.PushAsync("--rollback");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            "gateway push: no previous version is kept: the storage account keeps no blob versions, and no push has replaced the blob since it was created",
            result.Stderr.Trim());
    }

    [Fact]
    public async Task Push_MissingContainer_ExitsTwoNamingTheBlob()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway__Config__ConnectionString"] = Azurite.ConnectionString,
            ["Gateway__Config__Container"] = "missing-" + Guid.NewGuid().ToString("N"),
            ["Gateway__Config__Blob"] = "gateway.json",
        };
        using var dir = new TempDir();

        var result = await GatewayCommand.RunWithEnvironmentAsync(settings, "push", "--config", dir.Write("g.json", PushConfigs.First));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.EndsWith("/gateway.json': the container does not exist (404 ContainerNotFound)", result.Stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_NoBlobNamed_ExitsTwoNamingTheSettingsAndFlags()
    {
        using var dir = new TempDir();

        var result = await GatewayCommand.RunAsync("push", "--config", dir.Write("g.json", PushConfigs.First));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("set Gateway:Config:BlobUri, or Gateway:Config:ConnectionString with Gateway:Config:Container and Gateway:Config:Blob", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--blob-uri", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_FormatJson_ReportsTheCheckTheVersionsAndTheChanges()
    {
        await using var target = await PushTarget.CreateAsync();
        await target.Container.UploadAsync(PushTarget.BlobName, PushConfigs.First);
        var before = await target.ETagAsync();
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", PushConfigs.Second);

        var result = await target.PushAsync("--config", file, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(file, root.GetProperty("file").GetString());
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.False(root.GetProperty("resolved").GetBoolean());
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
        Assert.Equal("uploaded", root.GetProperty("outcome").GetString());
        Assert.Equal(before, root.GetProperty("current").GetProperty("etag").GetString());
        Assert.Equal(await target.ETagAsync(), root.GetProperty("uploaded").GetProperty("etag").GetString());
        var added = Assert.Single(root.GetProperty("changes").GetProperty("routes").EnumerateArray());
        Assert.Equal("added", added.GetProperty("change").GetString());
        Assert.Equal("GET /version", added.GetProperty("route").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("conflict").ValueKind);
    }

    [Theory]
    [InlineData("--rollback", "--config", "x.json")]
    [InlineData("--dry-run")]
    public async Task Push_ConfigAndRollbackTogetherOrNeither_ExitsTwo(params string[] args)
    {
        var result = await GatewayCommand.RunAsync(["push", .. args]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("give --config FILE to push a config, or --rollback to restore the previous version (not both)", result.Stderr, StringComparison.Ordinal);
    }
}
