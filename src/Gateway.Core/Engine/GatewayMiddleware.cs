using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Engine;

/// <summary>Runs the three steps as ASP.NET Core middleware, for hosts that own the whole pipeline (<c>gateway serve</c>).</summary>
internal sealed class GatewayMiddleware(RequestDelegate next, GatewayEngine engine)
{
    // The gateway answers every request itself; 'next' is only there because middleware must accept it.
    private readonly RequestDelegate _next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        _ = _next;
        if (await engine.MatchAsync(context) && await engine.AuthorizeAsync(context))
        {
            await engine.DispatchAsync(context);
        }
    }
}
