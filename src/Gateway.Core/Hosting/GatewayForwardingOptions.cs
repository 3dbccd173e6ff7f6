namespace FunctionGateway.Hosting;

/// <summary><c>Gateway:Forwarding:*</c>: which proxies' forwarding headers the gateway believes.</summary>
public sealed class GatewayForwardingOptions
{
    /// <summary><c>Gateway:Forwarding:TrustedProxies</c>: IP addresses and CIDR ranges, separated by commas.</summary>
    public string? TrustedProxies { get; set; }
}
