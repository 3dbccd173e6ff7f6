using System.Net;
using FunctionGateway.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;
using FunctionGateway.Model;

namespace FunctionGateway.Integrations;

/// <summary>
/// Forwards requests with YARP's <see cref="IHttpForwarder"/> over one shared connection pool, and turns
/// its <see cref="ForwarderError"/> into the gateway's 502 and 504 answers in one place.
/// </summary>
internal sealed class UpstreamForwarder : IDisposable
{
    private readonly IHttpForwarder _forwarder;
    private readonly HttpMessageInvoker _invoker;
    private readonly ILogger<UpstreamForwarder> _logger;
    private readonly ProxyTransformer _transformer;

    internal UpstreamForwarder(IHttpForwarder forwarder, ILogger<UpstreamForwarder> logger, ForwardingPolicy forwarding)
    {
        _forwarder = forwarder;
        _logger = logger;
        _transformer = new ProxyTransformer(logger, forwarding);
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            // A proxy forwards what it is given: no system proxy, redirects, decompression or cookies of its own.
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        });
    }

    internal async Task ForwardAsync(HttpContext context, GatewayRequestFeature request, HttpProxyIntegration integration)
    {
        var upstream = integration.Upstream;
        var error = await _forwarder.SendAsync(context, upstream.Prefix, _invoker, upstream.RequestConfig, _transformer);
        if (error == ForwarderError.None)
        {
            return;
        }

        var exception = context.GetForwarderErrorFeature()?.Exception;
        ForwarderLog.Failed(_logger, upstream.Alias, error, exception?.GetType().Name, exception?.Message);
        var gatewayError = error switch
        {
            ForwarderError.RequestTimedOut => GatewayErrors.UpstreamTimeout,
            ForwarderError.Request or ForwarderError.RequestCreation or ForwarderError.NoAvailableDestinations
                or ForwarderError.RequestBodyDestination => GatewayErrors.UpstreamUnreachable,
            ForwarderError.ResponseHeaders => GatewayErrors.UpstreamResponseFailed,
            // The client went away, or the response had already started: there is no one to tell.
            _ => null,
        };
        if (gatewayError is not null)
        {
            request.Error = gatewayError;
            await ErrorWriter.WriteAsync(context, gatewayError, $"server '{upstream.Alias}'");
        }
    }

    public void Dispose() => _invoker.Dispose();
}
