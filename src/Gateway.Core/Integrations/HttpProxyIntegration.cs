using FunctionGateway.Engine;
using FunctionGateway.Mapping;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Integrations;

/// <summary>Streams the request to the route's server and the answer back, through YARP.</summary>
internal sealed class HttpProxyIntegration(Upstream upstream, RequestMapping? mapping, UpstreamForwarder forwarder) : IIntegration
{
    public Upstream Upstream { get; } = upstream;

    public RequestMapping? Mapping { get; } = mapping;

    public Task InvokeAsync(HttpContext context, GatewayRequestFeature request) =>
        forwarder.ForwardAsync(context, request, this);
}
