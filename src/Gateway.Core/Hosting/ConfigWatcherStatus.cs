using FunctionGateway.Configuration;

namespace FunctionGateway.Hosting;

/// <summary>What the config watcher knows, for the status endpoint: one immutable snapshot, replaced on every check.</summary>
public sealed record ConfigWatcherStatus
{
    public required string Source { get; init; }

    /// <summary>The ETag (blob) or content hash (file) of the version being served.</summary>
    public string? Tag { get; init; }

    public DateTimeOffset? LoadedAt { get; init; }

    public DateTimeOffset? LastCheckedAt { get; init; }

    /// <summary>Why the source could not be read at the last check; null when it could.</summary>
    public string? SourceError { get; init; }

    public RejectedConfig? LastRejected { get; init; }

    /// <summary>The <c>$env</c>/<c>$secret</c> references of the version being served: names and locations, never values.</summary>
    public IReadOnlyList<ConfigReference> References { get; init; } = [];
}
