using System.Globalization;
using FunctionGateway.Model;

namespace FunctionGateway.Engine;

/// <summary>
/// Holds the current runtime. Publishing is one reference swap: a request reads <see cref="Current"/> once
/// and keeps that snapshot, so it sees the old config or the new one, never a mix. The runtime replaced is
/// released (its key sources and token caches go back to the registry, kept if the new one uses them too).
/// </summary>
public sealed class GatewayRuntimeHolder : IGatewayRuntimeProvider, IDisposable
{
    private sealed record State(GatewayRuntime? Runtime, string? UnavailableReason);

    private readonly Lock _writes = new();
    private volatile State _state = new(null, "the gateway is starting and has not loaded a config yet");

    // Completed when the first load has ended, published or failed, or when the startup wait is over: a request
    // that arrives before awaits it instead of getting a 503 (on a cold start, the request that woke the instance).
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _firstLoadBegun;
    private ITimer? _startupWait;

    public GatewayRuntime? Current => _state.Runtime;

    public string? UnavailableReason => _state.UnavailableReason;

    /// <summary>Completed unless a first load is under way and within its wait (see <see cref="BeginFirstLoad"/>).</summary>
    public Task FirstLoad => Volatile.Read(ref _firstLoadBegun) == 0 ? Task.CompletedTask : _firstLoad.Task;

    /// <summary>
    /// Called by the loader as it starts the first load: until it publishes or reports a failure, and for at most
    /// <paramref name="maxWait"/>, requests wait for it. Past that they get the 503, naming the source still loading.
    /// </summary>
    public void BeginFirstLoad(string source, TimeSpan maxWait, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (maxWait <= TimeSpan.Zero || _state.Runtime is not null || Interlocked.Exchange(ref _firstLoadBegun, 1) == 1)
        {
            return;
        }

        var seconds = maxWait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        _startupWait = timeProvider.CreateTimer(
            _ => StartupWaitOver($"the first load of the config from {source} has not finished after {seconds} s; it goes on in the background"),
            null, maxWait, Timeout.InfiniteTimeSpan);
        if (_firstLoad.Task.IsCompleted)
        {
            _startupWait.Dispose();
        }
    }

    public void Publish(GatewayRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        GatewayRuntime? previous;
        lock (_writes)
        {
            previous = _state.Runtime;
            _state = new State(runtime, null);
            EndFirstLoad();
        }

        if (previous is not null && !ReferenceEquals(previous, runtime))
        {
            previous.Release();
        }
    }

    /// <summary>Records why no config can be served; a runtime already published keeps serving. Ends the first load's wait.</summary>
    public void ReportUnavailable(string reason)
    {
        lock (_writes)
        {
            if (_state.Runtime is null)
            {
                _state = new State(null, reason);
            }

            EndFirstLoad();
        }
    }

    public void Dispose() => _startupWait?.Dispose();

    // The load may have ended as the timer fired: its outcome, not the timeout, is then the reason.
    private void StartupWaitOver(string reason)
    {
        lock (_writes)
        {
            if (!_firstLoad.Task.IsCompleted)
            {
                ReportUnavailable(reason);
            }
        }
    }

    private void EndFirstLoad()
    {
        if (_firstLoad.TrySetResult())
        {
            _startupWait?.Dispose();
        }
    }
}
