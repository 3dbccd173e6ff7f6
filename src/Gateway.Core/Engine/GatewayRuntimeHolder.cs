using FunctionGateway.Model;

namespace FunctionGateway.Engine;

/// <summary>
/// Holds the current runtime. Publishing is one reference swap: a request reads <see cref="Current"/> once
/// and keeps that snapshot, so it sees the old config or the new one, never a mix.
/// </summary>
public sealed class GatewayRuntimeHolder : IGatewayRuntimeProvider
{
    private sealed record State(GatewayRuntime? Runtime, string? UnavailableReason);

    private volatile State _state = new(null, "the gateway is starting and has not loaded a config yet");

    public GatewayRuntime? Current => _state.Runtime;

    public string? UnavailableReason => _state.UnavailableReason;

    public void Publish(GatewayRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _state = new State(runtime, null);
    }

    /// <summary>Records why no config can be served; a runtime already published keeps serving.</summary>
    public void ReportUnavailable(string reason)
    {
        var state = _state;
        if (state.Runtime is null)
        {
            _state = new State(null, reason);
        }
    }
}
