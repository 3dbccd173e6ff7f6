using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Engine;

/// <summary>
/// An endpoint of the gateway itself that the match step answers before any route, even with no config loaded,
/// so that every host serves it the same way. The status endpoint is one; it lives with the config watcher it reports on.
/// </summary>
internal interface IGatewayStatusEndpoint
{
    bool Handles(HttpRequest request);

    Task WriteAsync(HttpContext context);
}
