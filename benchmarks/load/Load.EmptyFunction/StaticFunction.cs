using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FunctionGateway.Load.EmptyFunction;

/// <summary>Writes the response itself and returns an empty result, as the gateway's function does.</summary>
public sealed class StaticFunction
{
    [Function("Static")]
    public static async Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "static")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.HttpContext.Response;
        response.ContentType = "application/json";
        response.ContentLength = Load.LoadBody.Utf8.Length;
        await response.Body.WriteAsync(Load.LoadBody.Utf8, request.HttpContext.RequestAborted);
        return new EmptyResult();
    }
}
