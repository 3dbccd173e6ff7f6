using FunctionGateway.Engine;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace FunctionGateway.Functions;

/// <summary>
/// The engine's match and authorize steps, in front of the gateway function: a request that matches no route,
/// is a CORS preflight, or carries no valid token gets the engine's answer (404, 204, 401...) and the function
/// never runs.
/// </summary>
internal sealed class MatchAndAuthorizeMiddleware(GatewayEngine engine) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.FunctionDefinition.Name != GatewayFunction.Name)
        {
            await next(context);
            return;
        }

        var httpContext = context.GetHttpContext()
            ?? throw new InvalidOperationException(
                $"Function '{GatewayFunction.Name}' has no HttpContext: the worker must be built with ConfigureFunctionsWebApplication.");
        if (await engine.MatchAsync(httpContext) && await engine.AuthorizeAsync(httpContext))
        {
            await next(context);
        }
    }
}
