using FunctionGateway.Hosting;

namespace Microsoft.AspNetCore.Server.Kestrel.Core;

public static class GatewayKestrelOptionsExtensions
{
    /// <summary>
    /// What a Kestrel host that takes clients' connections (<c>gateway serve</c>) sets for the engine: no
    /// <c>Server: Kestrel</c> banner (it tells a scanner which HTTP parser to probe), and the HTTP/1.1 framing
    /// check that lets the engine refuse a <c>Content-Length</c> that is not digits, which Kestrel alone reads as a number.
    /// </summary>
    public static KestrelServerOptions UseGatewayDefaults(this KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddServerHeader = false;
        options.ConfigureEndpointDefaults(ContentLengthGuard.Use);
        return options;
    }
}
