using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FunctionGateway.Azure.Tests.Azurite;
using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests.Push;

/// <summary>A config blob in a container of its own on Azurite, named to <c>gateway push</c> through the Function App's settings.</summary>
internal sealed class PushTarget : IAsyncDisposable
{
    public const string BlobName = "gateway.json";

    private PushTarget(BlobContainerClient container) => Container = container;

    public BlobContainerClient Container { get; }

    public BlobClient Blob => Container.GetBlobClient(BlobName);

    public static async Task<PushTarget> CreateAsync() => new(await Azurite.CreateContainerAsync());

    /// <summary>The settings the Function App would have, as environment variables of the command.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Gateway__Config__ConnectionString"] = Azurite.ConnectionString,
        ["Gateway__Config__Container"] = Container.Name,
        ["Gateway__Config__Blob"] = BlobName,
    };

    public Task<CliResult> PushAsync(params string[] args) => GatewayCommand.RunWithEnvironmentAsync(Settings, ["push", .. args]);

    public async Task<string> ReadAsync() => (await Blob.DownloadContentAsync()).Value.Content.ToString();

    public async Task<string> ETagAsync() => (await Blob.GetPropertiesAsync()).Value.ETag.ToString();

    public async Task<List<string>> SnapshotsAsync()
    {
        var snapshots = new List<string>();
        await foreach (var item in Container.GetBlobsAsync(BlobTraits.None, BlobStates.Snapshots, BlobName, CancellationToken.None))
        {
            if (item.Snapshot is not null)
            {
                snapshots.Add(item.Snapshot);
            }
        }

        return snapshots;
    }

    public async ValueTask DisposeAsync() => await Container.DeleteIfExistsAsync();
}
