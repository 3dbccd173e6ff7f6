using FunctionGateway.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FunctionGateway.Functions;

/// <summary>
/// The one function: every method, every path (host.json sets the route prefix to ""). Anonymous at the
/// Functions level because the gateway checks tokens itself, in <see cref="MatchAndAuthorizeMiddleware"/>.
/// Public because the worker's generated executor calls only public types directly, others by reflection.
/// </summary>
public sealed class GatewayFunction(GatewayEngine engine)
{
    public const string Name = "Gateway";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, Route = "{*path}")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await engine.DispatchAsync(request.HttpContext);

        // The engine has written the response; an empty result leaves it as it is.
        return new EmptyResult();
    }
}
