using FunctionGateway.Model;

namespace FunctionGateway.Engine;

/// <summary>Where requests get the config they run on.</summary>
internal interface IGatewayRuntimeProvider
{
    /// <summary>The current runtime, or null while no valid config has been loaded.</summary>
    GatewayRuntime? Current { get; }

    /// <summary>Why there is no runtime, for the 503 answer; null when there is one.</summary>
    string? UnavailableReason { get; }

    /// <summary>Completes when a request without a runtime should stop waiting for one: the first load ended or its wait is over.</summary>
    Task FirstLoad { get; }
}
