using FunctionGateway.Engine;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Integrations;

/// <summary>What a matched, authorized route does with the request.</summary>
internal interface IIntegration
{
    Task InvokeAsync(HttpContext context, GatewayRequestFeature request);
}
