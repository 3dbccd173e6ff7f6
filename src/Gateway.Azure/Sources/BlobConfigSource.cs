using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FunctionGateway.Sources;

namespace FunctionGateway.Azure.Sources;

/// <summary>
/// A config blob in Azure Storage (or Azurite). Reads are conditional on the ETag last seen, so polling an
/// unchanged blob costs one 304 and no download.
/// </summary>
internal sealed class BlobConfigSource(BlobClient blob) : IConfigSource
{
    // A gateway config is a few kilobytes; a blob far larger than that is a mistake, not a config to parse.
    internal const long MaxLength = 4 * 1024 * 1024;

    public string Name => $"blob '{blob.Uri.GetLeftPart(UriPartial.Path)}'";

    public async Task<ConfigSnapshot?> ReadAsync(string? currentTag, CancellationToken cancellationToken)
    {
        var options = new BlobDownloadOptions
        {
            Conditions = currentTag is null ? null : new BlobRequestConditions { IfNoneMatch = new ETag(currentTag) },
        };

        try
        {
            var response = await blob.DownloadStreamingAsync(options, cancellationToken);
            if (response.GetRawResponse().Status == 304)
            {
                return null;
            }

            using var result = response.Value;
            if (result.Details.ContentLength > MaxLength)
            {
                throw new ConfigSourceException(
                    $"{Name} is {result.Details.ContentLength} bytes; a gateway config is at most {MaxLength} bytes");
            }

            // The reader drops a UTF-8 byte order mark, which editors and upload tools often add.
            using var reader = new StreamReader(result.Content, detectEncodingFromByteOrderMarks: true);
            var text = await reader.ReadToEndAsync(cancellationToken);
            return new ConfigSnapshot(text, result.Details.ETag.ToString());
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's network timeout, after its retries: storage accepted the connection but did not answer.
            throw new ConfigSourceException($"cannot read {Name}: storage did not answer in time ({FirstLine(ex.Message)})", ex);
        }
        catch (RequestFailedException ex) when (ex.Status == 304)
        {
            return null;
        }
        catch (RequestFailedException ex)
        {
            throw new ConfigSourceException(Describe(ex), ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw new ConfigSourceException(
                $"cannot read {Name}: no credential could get a token for Azure Storage ({FirstLine(ex.Message)}); " +
                "grant the app's managed identity 'Storage Blob Data Reader' or use a connection string", ex);
        }
    }

    private string Describe(RequestFailedException ex) => ex.Status switch
    {
        0 => $"cannot read {Name}: storage is unreachable ({FirstLine(ex.Message)})",
        404 when ex.ErrorCode == BlobErrorCode.ContainerNotFound => $"cannot read {Name}: the container does not exist (404 ContainerNotFound)",
        404 => $"cannot read {Name}: the blob does not exist (404 {ex.ErrorCode ?? "BlobNotFound"})",
        401 or 403 => $"cannot read {Name}: access denied ({ex.Status} {ex.ErrorCode}); the identity needs 'Storage Blob Data Reader' on the container",
        _ => $"cannot read {Name}: storage answered {ex.Status} {ex.ErrorCode}",
    };

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
