namespace FunctionGateway.Sources;

/// <summary>
/// Stands in when the settings name no usable config source: every read fails with the reason, so the
/// gateway starts, answers 503 naming the missing setting, and the status endpoint shows it.
/// </summary>
public sealed class UnconfiguredConfigSource(string reason) : IConfigSource
{
    public string Name => "no config source";

    public Task<ConfigSnapshot?> ReadAsync(string? currentTag, CancellationToken cancellationToken) =>
        Task.FromException<ConfigSnapshot?>(new ConfigSourceException(reason));
}
