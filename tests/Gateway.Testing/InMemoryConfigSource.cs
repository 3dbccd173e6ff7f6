using FunctionGateway.Sources;

namespace FunctionGateway.Testing;

/// <summary>
/// A config source a test writes to: each <see cref="Update"/> is a new version, which the watcher loads at its
/// next check, as it would a new blob or file; between updates the source reports no change.
/// </summary>
public sealed class InMemoryConfigSource(string text, string name = "inline config") : IConfigSource
{
    private volatile ConfigSnapshot _snapshot = new(text, "v1");
    private int _version = 1;
    private int _reads;

    public string Name => name;

    /// <summary>The tag of the version the source holds.</summary>
    public string Tag => _snapshot.Tag;

    /// <summary>How many times the watcher has asked for a newer version.</summary>
    public int Reads => Volatile.Read(ref _reads);

    public void Update(string newText) =>
        _snapshot = new ConfigSnapshot(newText, $"v{Interlocked.Increment(ref _version)}");

    public Task<ConfigSnapshot?> ReadAsync(string? currentTag, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        var snapshot = _snapshot;
        return Task.FromResult<ConfigSnapshot?>(snapshot.Tag == currentTag ? null : snapshot);
    }
}
