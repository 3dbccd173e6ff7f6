namespace FunctionGateway.Sources;

/// <summary>Where the config text comes from: a file for <c>gateway serve</c>, a blob in Azure.</summary>
public interface IConfigSource
{
    /// <summary>For messages: "file 'samples/gateway.json'", "blob 'https://.../gateway/config.json'".</summary>
    string Name { get; }

    /// <summary>The config text and its version tag, or null when the source still holds <paramref name="currentTag"/>.</summary>
    /// <exception cref="ConfigSourceException">The source could not be read: missing, unreachable, forbidden.</exception>
    Task<ConfigSnapshot?> ReadAsync(string? currentTag, CancellationToken cancellationToken);
}
