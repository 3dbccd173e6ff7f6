using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using FunctionGateway.Azure.Tests.Azurite;
using FunctionGateway.Cli.Push;
using FunctionGateway.Azure.Sources;
using Microsoft.Extensions.Configuration;

namespace FunctionGateway.Cli.Tests.Push;

/// <summary>
/// Two operators pushing at once: the other one's write lands between this push's read and its write. The pipeline
/// policy below makes that happen every time, just before this push's first write reaches storage.
/// </summary>
public sealed class ConcurrentPushTests
{
    [Fact]
    public async Task Push_BlobChangedAfterItWasReviewed_ConflictNamesBothETagsAndKeepsTheOtherWrite()
    {
        await using var target = await PushTarget.CreateAsync();
        await target.Container.UploadAsync(PushTarget.BlobName, PushConfigs.First);
        var reviewed = await target.ETagAsync();
        var race = new OtherOperatorWrites(target.Blob, PushConfigs.Rejected);
        var options = new BlobClientOptions();
        options.AddPolicy(race, HttpPipelinePosition.PerCall);
        var push = new ConfigPush(
            new ConfigBlobWriter(new BlobClient(Azurite.ConnectionString, target.Container.Name, PushTarget.BlobName, options)),
            new PushOptions { Settings = new ConfigurationBuilder().Build() });

        var report = await push.PushAsync("gateway.json", PushConfigs.Second, CancellationToken.None);

        Assert.Equal(PushOutcome.Conflict, report.Outcome);
        var theirs = await target.ETagAsync();
        Assert.Equal(reviewed, report.Conflict!.ExpectedTag);
        Assert.Equal(theirs, report.Conflict.CurrentTag);
        Assert.Equal(PushConfigs.Rejected, await target.ReadAsync());
        var error = new StringWriter();
        await PushText.WriteAsync(new StringWriter(), error, report);
        Assert.Equal(
            $"conflict: blob '{target.Blob.Uri}' changed since it was read: the change was reviewed against ETag {reviewed}, " +
            $"and it now has ETag {theirs}; nothing was written. Someone else changed the config: push again to review your change against theirs.",
            error.ToString().Trim());
    }

    [Fact]
    public async Task Push_BlobCreatedByAnotherPushMeanwhile_ConflictInsteadOfOverwriting()
    {
        await using var target = await PushTarget.CreateAsync();
        var race = new OtherOperatorWrites(target.Blob, PushConfigs.First);
        var options = new BlobClientOptions();
        options.AddPolicy(race, HttpPipelinePosition.PerCall);
        var writer = new ConfigBlobWriter(new BlobClient(Azurite.ConnectionString, target.Container.Name, PushTarget.BlobName, options));

        var conflict = await Assert.ThrowsAsync<ConfigBlobConflictException>(() => writer.UploadAsync(PushConfigs.Second, current: null, CancellationToken.None));

        Assert.Null(conflict.ExpectedTag);
        Assert.Equal(await target.ETagAsync(), conflict.CurrentTag);
        Assert.Contains("reviewed against no blob (it did not exist)", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(PushConfigs.First, await target.ReadAsync());
    }

    [Theory]
    [InlineData(new[] { "2026-01-01T00:00:00.0000000Z", "2026-01-02T00:00:00.0000000Z", "2026-01-03T00:00:00.0000000Z" }, "2026-01-03T00:00:00.0000000Z", "2026-01-02T00:00:00.0000000Z")]
    [InlineData(new[] { "2026-01-02T00:00:00.0000000Z", "2026-01-01T00:00:00.0000000Z" }, "2026-01-02T00:00:00.0000000Z", "2026-01-01T00:00:00.0000000Z")]
    [InlineData(new[] { "2026-01-01T00:00:00.0000000Z" }, "2026-01-01T00:00:00.0000000Z", null)]
    public void PreviousVersion_VersionIds_IsTheNewestOlderThanTheCurrent(string[] versions, string current, string? expected)
    {
        Assert.Equal(expected, ConfigBlobWriter.PreviousVersion(versions, current));
    }

    /// <summary>Before the first write of the client it sits in, writes <paramref name="text"/> with a client of its own.</summary>
    private sealed class OtherOperatorWrites(BlobClient blob, string text) : HttpPipelinePolicy
    {
        private readonly BlobClient _other = new(Azurite.ConnectionString, blob.BlobContainerName, blob.Name);
        private int _done;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Put && Interlocked.Exchange(ref _done, 1) == 0)
            {
                await _other.UploadAsync(BinaryData.FromString(text), overwrite: true);
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("the push is asynchronous");
    }
}
