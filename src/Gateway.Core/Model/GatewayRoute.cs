using FunctionGateway.Authorization;
using FunctionGateway.Configuration;
using FunctionGateway.Integrations;
using FunctionGateway.RateLimiting;
using FunctionGateway.Routing;

namespace FunctionGateway.Model;

/// <summary>A route of the running config: its template, who may call it and what it does.</summary>
internal sealed class GatewayRoute : IRoutable
{
    // The request log names the route on every request: built once, not per line.
    private readonly string _display;

    internal GatewayRoute(int index, PathConfig config, RouteMethod method, RouteTemplate template,
        RouteAuthorizer? authorizer, IIntegration integration, RateLimitPolicy[]? limits = null)
    {
        limits ??= [];
        BeforeAuthLimits = [.. limits.Where(l => l.BeforeAuth)];
        Limits = [.. limits.Where(l => !l.BeforeAuth)];
        Index = index;
        Config = config;
        Method = method;
        Template = template;
        Authorizer = authorizer;
        Integration = integration;
        _display = $"{config.Method} {config.Path}";
    }

    /// <summary>The route's position in the config's <c>paths</c>.</summary>
    public int Index { get; }

    public PathConfig Config { get; }

    public RouteMethod Method { get; }

    public RouteTemplate Template { get; }

    public bool RequiresAuth => Authorizer is not null;

    internal RouteAuthorizer? Authorizer { get; }

    internal IIntegration Integration { get; }

    /// <summary>The route's rate limits counted before the token is checked (<c>before_auth</c>).</summary>
    internal RateLimitPolicy[] BeforeAuthLimits { get; }

    /// <summary>The route's rate limits counted once the token is accepted.</summary>
    internal RateLimitPolicy[] Limits { get; }

    public override string ToString() => _display;
}
