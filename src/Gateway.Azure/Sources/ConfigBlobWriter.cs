using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using FunctionGateway.Sources;

namespace FunctionGateway.Azure.Sources;

/// <summary>
/// Writes the config blob for <c>gateway push</c>: only over the version that was reviewed (If-Match on its ETag,
/// If-None-Match: * for a new blob), keeping the replaced version restorable, and finds that version again
/// for a rollback. Reads go through <see cref="BlobConfigSource"/>, as the gateway's do.
/// </summary>
public sealed class ConfigBlobWriter(BlobClient blob)
{
    private readonly BlobConfigSource _source = new(blob);

    /// <summary>For messages: <c>blob 'https://.../gateway/gateway.json'</c>.</summary>
    public string Name => _source.Name;

    /// <summary>The blob's current version, read as the gateway reads it; null when the blob does not exist.</summary>
    /// <exception cref="ConfigSourceException">The blob could not be read.</exception>
    public Task<ConfigSnapshot?> ReadCurrentAsync(CancellationToken cancellationToken) => _source.ReadCurrentAsync(cancellationToken);

    /// <summary>Writes <paramref name="text"/> in place of <paramref name="current"/> (null: the blob must not exist yet).</summary>
    /// <exception cref="ConfigBlobConflictException">The blob is no longer <paramref name="current"/>.</exception>
    /// <exception cref="ConfigSourceException">Storage refused or could not be reached.</exception>
    public async Task<ConfigUpload> UploadAsync(string text, ConfigSnapshot? current, CancellationToken cancellationToken)
    {
        var conditions = current is null
            ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : new BlobRequestConditions { IfMatch = new ETag(current.Tag) };
        try
        {
            // Without versioning (an account that keeps none, or Azurite) a snapshot keeps what is replaced.
            string? snapshot = null;
            if (current is { VersionId: null })
            {
                snapshot = (await blob.CreateSnapshotAsync(conditions: conditions, cancellationToken: cancellationToken)).Value.Snapshot;
            }

            var options = new BlobUploadOptions
            {
                Conditions = conditions,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            };
            var uploaded = (await blob.UploadAsync(BinaryData.FromString(text), options, cancellationToken)).Value;
            return new ConfigUpload(uploaded.ETag.ToString(), uploaded.VersionId, snapshot);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConfigBlobConflictException(Name, current?.Tag, await CurrentTagAsync(cancellationToken));
        }
        catch (RequestFailedException ex)
        {
            throw new ConfigSourceException(Describe("write", ex), ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw NoCredential(ex);
        }
    }

    /// <summary>The version before <paramref name="current"/>: the previous blob version, or the newest snapshot when the account keeps no versions.</summary>
    public async Task<PreviousConfig?> FindPreviousAsync(ConfigSnapshot current, CancellationToken cancellationToken)
    {
        try
        {
            var versions = new List<string>();
            var snapshots = new List<string>();
            var container = blob.GetParentBlobContainerClient();
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.Version | BlobStates.Snapshots, blob.Name, cancellationToken))
            {
                if (item.Name != blob.Name)
                {
                    continue;
                }

                if (item.Snapshot is not null)
                {
                    snapshots.Add(item.Snapshot);
                }
                else if (item.VersionId is not null)
                {
                    versions.Add(item.VersionId);
                }
            }

            if (current.VersionId is not null)
            {
                return PreviousVersion(versions, current.VersionId) is { } version
                    ? new PreviousConfig(await DownloadAsync(blob.WithVersion(version), cancellationToken), $"version {version}")
                    : null;
            }

            return snapshots.Count == 0
                ? null
                : snapshots.Max(StringComparer.Ordinal) is { } snapshot
                    ? new PreviousConfig(await DownloadAsync(blob.WithSnapshot(snapshot), cancellationToken), $"snapshot {snapshot}")
                    : null;
        }
        catch (RequestFailedException ex)
        {
            throw new ConfigSourceException(Describe("list the versions of", ex), ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw NoCredential(ex);
        }
    }

    /// <summary>The newest version id older than <paramref name="current"/>; version ids are UTC timestamps that sort as text.</summary>
    internal static string? PreviousVersion(IEnumerable<string> versionIds, string current) =>
        versionIds.Where(v => string.CompareOrdinal(v, current) < 0).Max(StringComparer.Ordinal);

    private static async Task<string> DownloadAsync(BlobClient version, CancellationToken cancellationToken)
    {
        var content = (await version.DownloadContentAsync(cancellationToken)).Value;
        if (content.Details.ContentLength > BlobConfigSource.MaxLength)
        {
            throw new ConfigSourceException($"blob '{version.Uri}' is {content.Details.ContentLength} bytes; a gateway config is at most {BlobConfigSource.MaxLength} bytes");
        }

        using var reader = new StreamReader(content.Content.ToStream(), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private async Task<string?> CurrentTagAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private string Describe(string action, RequestFailedException ex) => ex.Status switch
    {
        0 => $"cannot {action} {Name}: storage is unreachable ({BlobConfigSource.FirstLine(ex.Message)})",
        404 when ex.ErrorCode == BlobErrorCode.ContainerNotFound => $"cannot {action} {Name}: the container does not exist (404 ContainerNotFound)",
        401 or 403 => $"cannot {action} {Name}: access denied ({ex.Status} {ex.ErrorCode}); you need 'Storage Blob Data Contributor' on the container (a new role assignment takes a few minutes to apply)",
        _ => $"cannot {action} {Name}: storage answered {ex.Status} {ex.ErrorCode}",
    };

    private ConfigSourceException NoCredential(AuthenticationFailedException ex) => new(
        $"cannot reach {Name}: no credential could get a token for Azure Storage ({BlobConfigSource.FirstLine(ex.Message)}); " +
        "sign in with 'az login' or 'azd auth login', or give a connection string", ex);
}
