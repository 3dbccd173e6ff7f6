using System.Text.Json.Nodes;
using FunctionGateway.Engine;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Integrations;

/// <summary>Answers with the route's configured JSON value, serialized once when the config is built.</summary>
internal sealed class StaticResponseIntegration(JsonNode? response) : IIntegration
{
    private readonly byte[] _body = System.Text.Encoding.UTF8.GetBytes(response?.ToJsonString() ?? "null");

    public Task InvokeAsync(HttpContext context, GatewayRequestFeature request)
    {
        var httpResponse = context.Response;
        httpResponse.StatusCode = StatusCodes.Status200OK;
        httpResponse.ContentType = "application/json";
        httpResponse.ContentLength = _body.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : httpResponse.Body.WriteAsync(_body).AsTask();
    }
}
