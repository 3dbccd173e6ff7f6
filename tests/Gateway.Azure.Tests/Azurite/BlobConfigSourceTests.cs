using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using FunctionGateway.Azure.Sources;
using FunctionGateway.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Azure.Tests.Azurite;

public sealed class BlobConfigSourceTests
{
    [Fact]
    public async Task ReadAsync_NoCurrentTag_ReturnsTextAndETag()
    {
        var container = await Azurite.CreateContainerAsync();
        await container.UploadAsync("gateway.json", """{ "paths": [] }""");
        var blob = container.GetBlobClient("gateway.json");

        var snapshot = await new BlobConfigSource(blob).ReadAsync(null, CancellationToken.None);

        Assert.Equal("""{ "paths": [] }""", snapshot!.Text);
        Assert.Equal((await blob.GetPropertiesAsync()).Value.ETag.ToString(), snapshot.Tag);
    }

    [Fact]
    public async Task ReadAsync_UnchangedBlob_ReturnsNull()
    {
        var container = await Azurite.CreateContainerAsync();
        await container.UploadAsync("gateway.json", """{ "paths": [] }""");
        var source = new BlobConfigSource(container.GetBlobClient("gateway.json"));
        var first = await source.ReadAsync(null, CancellationToken.None);

        var second = await source.ReadAsync(first!.Tag, CancellationToken.None);

        Assert.Null(second);
    }

    [Fact]
    public async Task ReadAsync_ChangedBlob_ReturnsNewVersion()
    {
        var container = await Azurite.CreateContainerAsync();
        await container.UploadAsync("gateway.json", "one");
        var source = new BlobConfigSource(container.GetBlobClient("gateway.json"));
        var first = await source.ReadAsync(null, CancellationToken.None);

        await container.UploadAsync("gateway.json", "two");
        var second = await source.ReadAsync(first!.Tag, CancellationToken.None);

        Assert.Equal("two", second!.Text);
        Assert.NotEqual(first.Tag, second.Tag);
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMark_IsDropped()
    {
        var container = await Azurite.CreateContainerAsync();
        await container.GetBlobClient("gateway.json").UploadAsync(BinaryData.FromBytes([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}']));

        var snapshot = await new BlobConfigSource(container.GetBlobClient("gateway.json")).ReadAsync(null, CancellationToken.None);

        Assert.Equal("{}", snapshot!.Text);
    }

    [Fact]
    public async Task ReadAsync_MissingBlob_ThrowsNamingBlob()
    {
        var container = await Azurite.CreateContainerAsync();
        var blob = container.GetBlobClient("gateway.json");

        var error = await Assert.ThrowsAsync<ConfigSourceException>(() => new BlobConfigSource(blob).ReadAsync(null, CancellationToken.None));

        Assert.Equal($"cannot read blob '{blob.Uri}': the blob does not exist (404 BlobNotFound)", error.Message);
    }

    [Fact]
    public async Task ReadAsync_MissingContainer_ThrowsNamingContainer()
    {
        var blob = new BlobClient(Azurite.ConnectionString, "no-such-container", "gateway.json");

        var error = await Assert.ThrowsAsync<ConfigSourceException>(() => new BlobConfigSource(blob).ReadAsync(null, CancellationToken.None));

        Assert.Equal($"cannot read blob '{blob.Uri}': the container does not exist (404 ContainerNotFound)", error.Message);
    }

    [Fact]
    public async Task ReadAsync_StorageDoesNotAnswer_ThrowsWithinNetworkTimeout()
    {
        // Accepts connections and never answers.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(1);
        var blob = new BlobClient(new Uri($"http://127.0.0.1:{port}/devstoreaccount1/gateway/gateway.json"), options);

        // The storage client's own network timeout, on its own clock: the message says it was that timeout.
        var error = await Assert.ThrowsAsync<ConfigSourceException>(() => new BlobConfigSource(blob).ReadAsync(null, CancellationToken.None));

        Assert.StartsWith($"cannot read blob 'http://127.0.0.1:{port}/devstoreaccount1/gateway/gateway.json': storage did not answer in time (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_StorageUnreachable_ThrowsSayingSo()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        var blob = new BlobClient(new Uri("http://127.0.0.1:1/devstoreaccount1/gateway/gateway.json"), options);

        var error = await Assert.ThrowsAsync<ConfigSourceException>(() => new BlobConfigSource(blob).ReadAsync(null, CancellationToken.None));

        Assert.StartsWith("cannot read blob 'http://127.0.0.1:1/devstoreaccount1/gateway/gateway.json': storage is unreachable (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_StorageRefusesTheApiVersion_NamesTheLikelyCause()
    {
        // What an Azurite older than the SDK answers to its x-ms-version when started without --skipApiVersionCheck.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var storage = builder.Build();
        storage.Run(context =>
        {
            context.Response.StatusCode = 400;
            context.Response.Headers["x-ms-error-code"] = "InvalidHeaderValue";
            context.Response.ContentType = "application/xml";
            return context.Response.WriteAsync("""<?xml version="1.0" encoding="utf-8"?><Error><Code>InvalidHeaderValue</Code><Message>The API version is not supported by Azurite.</Message></Error>""");
        });
        await storage.StartAsync();
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        var blob = new BlobClient(new Uri($"{storage.Urls.First()}/devstoreaccount1/gateway/gateway.json"), options);

        var error = await Assert.ThrowsAsync<ConfigSourceException>(() => new BlobConfigSource(blob).ReadAsync(null, CancellationToken.None));

        Assert.Matches(
            @"^cannot read blob '.+/devstoreaccount1/gateway/gateway.json': storage answered 400 InvalidHeaderValue; the likely cause is an Azurite " +
            @"older than the Blob SDK's API version \d{4}-\d{2}-\d{2}: start Azurite with --skipApiVersionCheck, or update it$",
            error.Message);
    }
}
