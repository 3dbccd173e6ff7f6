using System.Text.Json;
using FunctionGateway.Cors;
using FunctionGateway.Errors;
using FunctionGateway.Model;
using FunctionGateway.Routing;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Model;

/// <summary>
/// The gateway's state of one request, carried on the <see cref="HttpContext"/> from step to step: the config
/// snapshot it started with, the route it matched and what the authorizer decided. Dispatch reads the route
/// from here, so that it can never disagree with the authorization decision.
/// </summary>
public sealed class GatewayRequestFeature
{
    internal GatewayRequestFeature(GatewayRuntime runtime, long startTimestamp)
    {
        Runtime = runtime;
        StartTimestamp = startTimestamp;
    }

    public GatewayRuntime Runtime { get; }

    public RouteMatch<GatewayRoute>? Match { get; internal set; }

    /// <summary>True once the authorize step let the request through (or the route needs no token).</summary>
    public bool Authorized { get; internal set; }

    /// <summary>The error the gateway answered with, if any: the log's outcome code.</summary>
    public GatewayError? Error { get; internal set; }

    /// <summary>The validated token's payload, for mappings and claim rules.</summary>
    internal JsonElement? Claims { get; set; }

    internal CorsResult CorsResult { get; set; }

    internal long StartTimestamp { get; }

    internal static GatewayRequestFeature Get(HttpContext context) =>
        context.Features.Get<GatewayRequestFeature>()
        ?? throw new InvalidOperationException("The gateway's match step has not run for this request.");
}
