using Azure.Core;
using Azure.Storage.Blobs;
using FunctionGateway.Hosting;
using FunctionGateway.Sources;

namespace FunctionGateway.Azure.Sources;

/// <summary>
/// The client for the config blob the <c>Gateway:Config:*</c> settings name, built one way for every reader and
/// writer (the Function App, <c>gateway serve</c>, <c>gateway push</c>), so they always mean the same blob.
/// </summary>
public static class ConfigBlobClient
{
    /// <summary>The blob's client, or null when the settings name no blob.</summary>
    /// <exception cref="ConfigSourceException">The settings are unusable; the message names the setting, never its secret.</exception>
    public static BlobClient? Create(GatewaySettings settings, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credential);
        if (settings.Problems.Count > 0)
        {
            throw new ConfigSourceException(string.Join("; ", settings.Problems));
        }

        if (settings.BlobUri is { } blobUri)
        {
            // A SAS URL carries its own authorization; anything else is read with the credential (the app's identity).
            return blobUri.Query.Contains("sig=", StringComparison.Ordinal)
                ? new BlobClient(blobUri, AzureClientRetries.Bounded(new BlobClientOptions()))
                : new BlobClient(blobUri, credential, AzureClientRetries.Bounded(new BlobClientOptions()));
        }

        if (settings.ConnectionString is { } connectionString)
        {
            try
            {
                return new BlobClient(connectionString, settings.Container, settings.Blob, AzureClientRetries.Bounded(new BlobClientOptions()));
            }
            catch (FormatException)
            {
                // The message would echo the connection string, account key included.
                throw new ConfigSourceException($"{GatewaySettings.ConnectionStringKey} is not a valid storage connection string");
            }
        }

        return null;
    }

    /// <summary>What to set when no blob is named.</summary>
    public static string NotConfigured =>
        $"no config source is set: set {GatewaySettings.BlobUriKey}, or {GatewaySettings.ConnectionStringKey} " +
        $"with {GatewaySettings.ContainerKey} and {GatewaySettings.BlobKey}";
}
