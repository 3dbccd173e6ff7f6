using FunctionGateway.Configuration;

namespace FunctionGateway.Configuration;

/// <summary>What a host tells the engine about itself; set with <c>services.Configure&lt;GatewayHostOptions&gt;</c>.</summary>
public sealed class GatewayHostOptions
{
    public GatewayHostKind Kind { get; set; } = GatewayHostKind.Standalone;
}
