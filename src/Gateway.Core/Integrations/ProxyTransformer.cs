using FunctionGateway.Errors;
using FunctionGateway.Mapping;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;
using FunctionGateway.Model;

namespace FunctionGateway.Integrations;

/// <summary>
/// Shapes the upstream request: the target URL from the matched route, the route's mapping, and the
/// X-Forwarded headers. YARP's base transform already copies headers minus the hop-by-hop ones.
/// </summary>
internal sealed class ProxyTransformer(ILogger logger) : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest,
        string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        ConnectionOptions.RemoveFromRequest(httpContext.Request.Headers.Connection, proxyRequest);

        var feature = GatewayRequestFeature.Get(httpContext);
        var match = feature.Match!;
        var integration = (HttpProxyIntegration)match.Route.Integration;
        var mapping = integration.Mapping;
        var values = mapping is null ? null : new RequestMappingValues(httpContext.Request, feature.Claims, match);

        var query = mapping is { Query.Count: > 0 } ? MapQuery(httpContext.Request, mapping, values!) : httpContext.Request.QueryString;
        // A backend path template when the route has one; otherwise, for a wildcard route what follows its
        // fixed segments, for any other route the whole path, as the client escaped it.
        var path = integration.BackendPath is { } backendPath ? backendPath.Render(match) : ClientPath.Forwarded(httpContext, match);
        proxyRequest.RequestUri = DestinationAddress(destinationPrefix, path, query);
        if (integration.Method is { } method)
        {
            proxyRequest.Method = method;
        }

        SetForwardedHeaders(httpContext, proxyRequest);
        if (mapping is not null && MapHeaders(proxyRequest, mapping, values!) is { } rejected)
        {
            // A response set here tells YARP not to forward. The log names the header, never its value.
            ForwarderLog.MappedValueRejected(logger, match.Route, rejected);
            feature.Error = GatewayErrors.BadMappedValue;
            await ErrorWriter.WriteAsync(httpContext, GatewayErrors.BadMappedValue, $"mapping header '{rejected}'");
        }
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse,
        CancellationToken cancellationToken)
    {
        var result = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        if (proxyResponse is not null)
        {
            ConnectionOptions.RemoveFromResponse(proxyResponse, httpContext.Response.Headers);
        }

        var feature = GatewayRequestFeature.Get(httpContext);
        if (feature.Runtime.Cors is { } cors)
        {
            // The gateway's CORS policy is the only one: the upstream's own headers would contradict it.
            Cors.CorsPolicy.RemoveUpstreamHeaders(httpContext.Response.Headers);
            cors.Apply(feature.CorsResult, httpContext.Response.Headers);
        }

        return result;
    }

    /// <summary>
    /// The server's URL and an escaped path, whose escapes are final: RequestUtilities.MakeDestinationAddress would
    /// escape it again, and Uri canonicalization could unescape it.
    /// </summary>
    private static Uri DestinationAddress(string prefix, string escapedPath, QueryString query)
    {
        var trimmed = escapedPath.Length > 0 && prefix.EndsWith('/') ? prefix.AsSpan(0, prefix.Length - 1) : prefix.AsSpan();
        return new Uri(string.Concat(trimmed, escapedPath, query.ToUriComponent()),
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    private static QueryString MapQuery(HttpRequest request, RequestMapping mapping, RequestMappingValues values)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        foreach (var (name, template) in mapping.Query)
        {
            // A mapped parameter is the gateway's: with its source missing, the client's value is dropped, not kept.
            query.Remove(name);
            if (template.Resolve(values) is { } value)
            {
                query[name] = value;
            }
        }

        return QueryString.Create(query);
    }

    /// <summary>Sets the mapped headers; returns the name of one whose value no header may carry, or null.</summary>
    private static string? MapHeaders(HttpRequestMessage proxyRequest, RequestMapping mapping, RequestMappingValues values)
    {
        foreach (var (name, template) in mapping.Headers)
        {
            // Same rule as the query: never let a client's own value stand in for a missing source.
            proxyRequest.Headers.Remove(name);
            proxyRequest.Content?.Headers.Remove(name);
            if (template.Resolve(values) is not { } value)
            {
                continue;
            }

            // Adding without validation is safe only because the value was checked first.
            if (!FieldValue.IsValid(value))
            {
                return name;
            }

            if (!proxyRequest.Headers.TryAddWithoutValidation(name, value))
            {
                proxyRequest.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return null;
    }

    private static void SetForwardedHeaders(HttpContext httpContext, HttpRequestMessage proxyRequest)
    {
        var request = httpContext.Request;
        var remoteIp = httpContext.Connection.RemoteIpAddress?.ToString();
        var existing = request.Headers["X-Forwarded-For"].ToString();
        proxyRequest.Headers.Remove("X-Forwarded-For");
        proxyRequest.Headers.Remove("X-Forwarded-Proto");
        proxyRequest.Headers.Remove("X-Forwarded-Host");
        if (remoteIp is not null)
        {
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-For",
                string.IsNullOrEmpty(existing) ? remoteIp : $"{existing}, {remoteIp}");
        }

        proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Proto", request.Scheme);

        // The upstream sees its own host name (services behind Azure front ends route on it);
        // the client's goes in X-Forwarded-Host.
        proxyRequest.Headers.Host = null;
        if (request.Host.HasValue)
        {
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Host", request.Host.Value);
        }
    }
}
