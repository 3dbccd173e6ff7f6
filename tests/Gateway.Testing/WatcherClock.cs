using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Testing;

/// <summary>
/// A fake clock that drives the config watcher's poll loop: the watcher waits for its next poll on a timer of
/// <see cref="PollInterval"/>, so a timer of that length being created means the watcher has ended a check and is
/// waiting. <see cref="PollAsync"/> moves the clock to the next poll and returns once that poll has ended.
/// </summary>
public sealed class WatcherClock : FakeTimeProvider, IDisposable
{
    // Wall-clock bound on waiting for the watcher's own work (reads over loopback), so a broken loop fails the test
    // instead of hanging it; never what a test observes.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _waiting = new(0);

    public WatcherClock()
        : base(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The watcher's poll interval (<c>Gateway:Config:PollSeconds</c>), as the host under test has it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime == PollInterval && period == Timeout.InfiniteTimeSpan)
        {
            _waiting.Release();
        }

        return timer;
    }

    /// <summary>Returns once the watcher has ended its current check (the first load, at start) and waits for the next poll.</summary>
    public async Task WaitForIdleAsync()
    {
        await TakeIdleAsync();
        _waiting.Release();
    }

    /// <summary>Moves the clock to the watcher's next poll, <paramref name="polls"/> times, each time until that poll has ended.</summary>
    public async Task PollAsync(int polls = 1)
    {
        for (var i = 0; i < polls; i++)
        {
            await TakeIdleAsync();
            Advance(PollInterval);
            await WaitForIdleAsync();
        }
    }

    public void Dispose() => _waiting.Dispose();

    private async Task TakeIdleAsync()
    {
        if (!await _waiting.WaitAsync(Hang))
        {
            throw new TimeoutException("the config watcher never went back to waiting for its next poll");
        }
    }
}
