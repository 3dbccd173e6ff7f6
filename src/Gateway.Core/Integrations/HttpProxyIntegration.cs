using FunctionGateway.Mapping;
using Microsoft.AspNetCore.Http;
using FunctionGateway.Model;

namespace FunctionGateway.Integrations;

/// <summary>Streams the request to the route's server and the answer back, through YARP.</summary>
internal sealed class HttpProxyIntegration(Upstream upstream, RequestMapping? mapping, UpstreamForwarder forwarder,
    BackendPathTemplate? backendPath = null, HttpMethod? method = null) : IIntegration
{
    public Upstream Upstream { get; } = upstream;

    public RequestMapping? Mapping { get; } = mapping;

    /// <summary>The configured backend path; null for the default target rule.</summary>
    public BackendPathTemplate? BackendPath { get; } = backendPath;

    /// <summary>The method sent upstream; null to send the client's.</summary>
    public HttpMethod? Method { get; } = method;

    public Task InvokeAsync(HttpContext context, GatewayRequestFeature request) =>
        forwarder.ForwardAsync(context, request, this);
}
