using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using FunctionGateway.Model;
using Microsoft.AspNetCore.Http.Features;

namespace FunctionGateway.Engine;

/// <summary>
/// The gateway's own fields on the request's trace span (ASP.NET Core's activity for the request), so that a
/// telemetry backend shows them on the request itself: the route, the authorization outcome and the upstream's
/// status. Never a token, a query value or a claim. Costs nothing when no one records the span.
/// </summary>
internal static class GatewayActivityTags
{
    public const string Route = "gateway.route";
    public const string Auth = "gateway.auth";
    public const string Error = "gateway.error";
    public const string UpstreamStatus = "gateway.upstream_status";

    /// <summary>The request's span when it records tags; null otherwise (no listener, or sampled out).</summary>
    public static Activity? Recorded(HttpContext context) =>
        context.Features.Get<IHttpActivityFeature>()?.Activity is { IsAllDataRequested: true } activity ? activity : null;

    /// <summary>Writes the fields known once the gateway has answered, from the request's state.</summary>
    public static void Write(Activity activity, HttpContext context, GatewayRequestFeature feature)
    {
        var route = feature.Match?.Route;
        if (route is not null)
        {
            activity.SetTag(Route, route.ToString());
            activity.SetTag(Auth, !route.RequiresAuth ? "none" : feature.Authorized ? "ok" : feature.Error?.Code ?? "-");
        }

        if (feature.Error is { } error)
        {
            activity.SetTag(Error, error.Code);
        }
        else if (feature.Authorized && route?.Integration is Integrations.HttpProxyIntegration)
        {
            // Forwarded without a gateway error: the status sent is the upstream's.
            activity.SetTag(UpstreamStatus, context.Response.StatusCode);
        }
    }
}
