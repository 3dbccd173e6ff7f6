using FunctionGateway.Configuration;

namespace FunctionGateway.Configuration;

/// <summary>What a host tells the engine about itself; set with <c>services.Configure&lt;GatewayHostOptions&gt;</c>.</summary>
public sealed class GatewayHostOptions
{
    public GatewayHostKind Kind { get; set; } = GatewayHostKind.Standalone;

    /// <summary>
    /// The folder a relative <c>Gateway:Config:Path</c> is resolved against; null for the current directory
    /// (<c>gateway serve</c>). The Function App sets it, since the Functions host starts its worker in the app's folder.
    /// </summary>
    public string? ConfigBaseDirectory { get; set; }
}
