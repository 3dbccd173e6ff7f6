using FunctionGateway.Authorization;
using FunctionGateway.Configuration;
using FunctionGateway.RateLimiting;
using FunctionGateway.Routing;

namespace FunctionGateway.Model;

/// <summary>A route of the running config: its template, who may call it and what it does.</summary>
public sealed class GatewayRoute : IRoutable
{
    // The request log names the route on every request: built once, not per line.
    private readonly string _display;

    internal GatewayRoute(int index, PathConfig config, RouteMethod method, RouteTemplate template,
        RouteAuthorizer? authorizer, IIntegration integration, RateLimitPolicy[]? limits = null)
    {
        limits ??= [];
        BeforeAuthPolicies = [.. limits.Where(l => l.BeforeAuth)];
        Policies = [.. limits.Where(l => !l.BeforeAuth)];
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

    public RouteAuthorizer? Authorizer { get; }

    internal IIntegration Integration { get; }

    /// <summary>The route's rate limits counted before the token is checked (<c>before_auth</c>).</summary>
    public IReadOnlyList<RateLimitPolicy> BeforeAuthLimits => BeforeAuthPolicies;

    /// <summary>The route's rate limits counted once the token is accepted.</summary>
    public IReadOnlyList<RateLimitPolicy> Limits => Policies;

    internal RateLimitPolicy[] BeforeAuthPolicies { get; }

    internal RateLimitPolicy[] Policies { get; }

    public override string ToString() => _display;
}
