using FunctionGateway.Sources;

namespace FunctionGateway.Tests.Support;

/// <summary>
/// A config source whose reads take the time the test says, on the test's clock, or fail: what a blob behind
/// a slow token acquisition, or an unreachable storage account, looks like to the watcher.
/// </summary>
internal sealed class ScriptedConfigSource(string text, TimeProvider time) : IConfigSource
{
    private readonly TaskCompletionSource _readStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "scripted config";

    /// <summary>How long a read takes; <see cref="Timeout.InfiniteTimeSpan"/> never answers.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>When set, every read fails with it after <see cref="Delay"/>.</summary>
    public string? Failure { get; init; }

    /// <summary>Completes once the first read is waiting on the clock, so that advancing the clock reaches it.</summary>
    public Task ReadStarted => _readStarted.Task;

    public async Task<ConfigSnapshot?> ReadAsync(string? currentTag, CancellationToken cancellationToken)
    {
        var delay = Delay == TimeSpan.Zero ? Task.CompletedTask : Task.Delay(Delay, time, cancellationToken);
        _readStarted.TrySetResult();
        await delay;
        if (Failure is not null)
        {
            throw new ConfigSourceException(Failure);
        }

        return currentTag == "v1" ? null : new ConfigSnapshot(text, "v1");
    }
}
