using Microsoft.AspNetCore.Http;
using FunctionGateway.Model;

namespace FunctionGateway.Model;

/// <summary>What a matched, authorized route does with the request.</summary>
internal interface IIntegration
{
    Task InvokeAsync(HttpContext context, GatewayRequestFeature request);
}
