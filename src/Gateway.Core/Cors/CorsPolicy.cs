using FunctionGateway.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FunctionGateway.Cors;

/// <summary>
/// The config's CORS rules, compiled once. Evaluation is pure (<see cref="Evaluate"/>); the headers are
/// written separately (<see cref="Apply"/>), on every response, errors included.
/// </summary>
internal sealed class CorsPolicy
{
    private readonly OriginPattern[] _origins;
    private readonly bool _allowCredentials;
    private readonly StringValues _methods;
    private readonly StringValues _headers;
    private readonly StringValues _exposeHeaders;
    private readonly StringValues _maxAge;

    public CorsPolicy(CorsConfig config)
    {
        _origins = [.. config.AllowOrigins.Select(o => new OriginPattern(o))];
        _allowCredentials = config.AllowCredentials;
        _methods = string.Join(',', config.AllowMethods);
        _headers = string.Join(',', config.AllowHeaders);
        // Web apps must be able to read why a call was refused (the 401 and 403 challenges).
        _exposeHeaders = string.Join(',', config.ExposeHeaders
            .Append(HeaderNames.WWWAuthenticate).Distinct(StringComparer.OrdinalIgnoreCase));
        _maxAge = config.MaxAge.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public CorsResult Evaluate(HttpRequest request)
    {
        // A preflight (Fetch standard) is an OPTIONS that asks for a method; any other OPTIONS is an ordinary request.
        var origin = request.Headers.Origin;
        var isPreflight = HttpMethods.IsOptions(request.Method) && !StringValues.IsNullOrEmpty(origin)
            && !StringValues.IsNullOrEmpty(request.Headers.AccessControlRequestMethod);
        if (StringValues.IsNullOrEmpty(origin))
        {
            return new CorsResult(null, isPreflight);
        }

        var requestOrigin = origin.ToString();
        if (!SerializedOrigin.IsValid(requestOrigin))
        {
            // Not a scheme://host[:port] (a path, a '#', two Origin headers): no pattern allows it. The opaque origin
            // 'null' (sandboxed frames, file: pages) gets '*' where any origin may call without credentials, never an echo.
            var opaqueAllowed = requestOrigin == "null" && !_allowCredentials && _origins.Any(o => o.IsAny);
            return new CorsResult(opaqueAllowed ? "*" : null, isPreflight);
        }

        foreach (var pattern in _origins)
        {
            if (pattern.Matches(requestOrigin))
            {
                // A credentialed response may not say '*': browsers reject it, so the origin is echoed.
                var allow = pattern.IsAny && !_allowCredentials ? "*" : requestOrigin;
                return new CorsResult(allow, isPreflight);
            }
        }

        return new CorsResult(null, isPreflight);
    }

    public void Apply(CorsResult result, IHeaderDictionary headers)
    {
        // The answer depends on Origin whenever an origin may be echoed: caches must key on it.
        if (!headers.Vary.Any(v => v is not null && v.Contains(HeaderNames.Origin, StringComparison.OrdinalIgnoreCase)))
        {
            headers.Vary = StringValues.Concat(headers.Vary, HeaderNames.Origin);
        }

        if (result.AllowOrigin is null)
        {
            return;
        }

        headers.AccessControlAllowOrigin = result.AllowOrigin;
        if (_allowCredentials)
        {
            headers.AccessControlAllowCredentials = "true";
        }

        if (result.IsPreflight)
        {
            headers.AccessControlAllowMethods = _methods;
            headers.AccessControlAllowHeaders = _headers;
            headers.AccessControlMaxAge = _maxAge;
        }
        else
        {
            headers.AccessControlExposeHeaders = _exposeHeaders;
        }
    }

    /// <summary>Drops an upstream's own CORS headers, so that the gateway's policy is the only one a browser sees.</summary>
    public static void RemoveUpstreamHeaders(IHeaderDictionary headers)
    {
        headers.Remove(HeaderNames.AccessControlAllowOrigin);
        headers.Remove(HeaderNames.AccessControlAllowCredentials);
        headers.Remove(HeaderNames.AccessControlAllowMethods);
        headers.Remove(HeaderNames.AccessControlAllowHeaders);
        headers.Remove(HeaderNames.AccessControlExposeHeaders);
        headers.Remove(HeaderNames.AccessControlMaxAge);
    }
}
