using FunctionGateway.Authorization;
using FunctionGateway.Configuration;
using FunctionGateway.Cors;
using FunctionGateway.Integrations;
using FunctionGateway.Mapping;
using FunctionGateway.RateLimiting;
using FunctionGateway.Routing;
using FunctionGateway.Model;

namespace FunctionGateway.Engine;

/// <summary>
/// Compiles a validated config into a <see cref="GatewayRuntime"/>: route table, authorizer, CORS, integrations.
/// Authorizers come from the <see cref="AuthorizerRegistry"/>, so a version keeps those of the version before it
/// whose settings it did not change, with their key sources and token caches. A host that brings its own
/// <see cref="IRemoteKeySourceFactory"/> (<c>gateway explain --offline</c>) gets fresh authorizers on its key sources.
/// </summary>
public sealed class RuntimeBuilder
{
    private readonly UpstreamForwarder _forwarder;
    private readonly TimeProvider _timeProvider;
    private readonly IRemoteKeySourceFactory? _remoteKeys;
    private readonly AuthorizerRegistry _registry;

    internal RuntimeBuilder(UpstreamForwarder forwarder, TimeProvider timeProvider, IRemoteKeySourceFactory? remoteKeys, AuthorizerRegistry registry)
    {
        _forwarder = forwarder;
        _timeProvider = timeProvider;
        _remoteKeys = remoteKeys;
        _registry = registry;
    }

    internal GatewayRuntime Build(GatewayConfig config, ConfigVersion version)
    {
        var authorizers = BuildAuthorizers(config);
        var upstreams = config.Servers.ToDictionary(s => s.Alias, s => new Upstream(s), StringComparer.Ordinal);
        var limits = config.RateLimits.ToDictionary(p => p.Name, RateLimitPolicy.From, StringComparer.Ordinal);
        var routes = new List<GatewayRoute>(config.Paths.Count);
        for (var i = 0; i < config.Paths.Count; i++)
        {
            var path = config.Paths[i];
            // The validator has accepted every method and template, so these parses cannot fail.
            if (!RouteMethods.TryParse(path.Method, out var method) || !RouteTemplate.TryParse(path.Path, out var template, out _))
            {
                throw new InvalidOperationException($"paths[{i}] was not validated before the runtime was built.");
            }

            routes.Add(new GatewayRoute(i, path, method, template!, path.Auth ? BuildRouteAuthorizer(path, authorizers) : null,
                BuildIntegration(path, template!, config, upstreams), [.. path.RateLimitNames.Select(n => limits[n])]));
        }

        IReadOnlyList<JwtAuthorizer> used = [.. authorizers.Values];
        return new GatewayRuntime(config, version, new RouteTable<GatewayRoute>(routes),
            config.Cors is null ? null : new CorsPolicy(config.Cors), used, _remoteKeys is null ? () => Release(used) : null);
    }

    private void Release(IReadOnlyList<JwtAuthorizer> authorizers)
    {
        foreach (var authorizer in authorizers)
        {
            _registry.Release(authorizer);
        }
    }

    private Dictionary<string, JwtAuthorizer> BuildAuthorizers(GatewayConfig config)
    {
        var authorizers = new Dictionary<string, JwtAuthorizer>(StringComparer.Ordinal);
        foreach (var authorizer in config.Authorizers.Prepend(config.Authorizer))
        {
            if (authorizer is not null)
            {
                authorizers[authorizer.Name ?? DefaultAuthorizer] = _remoteKeys is { } remoteKeys
                    ? new JwtAuthorizer(authorizer, KeySource(authorizer, remoteKeys), _timeProvider)
                    : _registry.Acquire(authorizer);
            }
        }

        return authorizers;
    }

    private static ISigningKeySource KeySource(AuthorizerConfig authorizer, IRemoteKeySourceFactory remoteKeys) =>
        authorizer.JwksUri is not null || authorizer.OpenIdConfigurationUri is not null
            ? remoteKeys.Create(authorizer)
            : StaticKeySource.For(authorizer);

    private static RouteAuthorizer BuildRouteAuthorizer(PathConfig path, Dictionary<string, JwtAuthorizer> authorizers) =>
        new(path.AuthorizerNames.Count == 0 ? [authorizers[DefaultAuthorizer]] : [.. path.AuthorizerNames.Select(n => authorizers[n])],
            path.Authorization is { RequireAll.Count: > 0 } or { RequireAny.Count: > 0 } ? new ClaimRuleSet(path.Authorization) : null);

    // Not a valid name in "authorizers" (the validator refuses it), so it cannot collide with one.
    private const string DefaultAuthorizer = "";

    private IIntegration BuildIntegration(PathConfig path, RouteTemplate template, GatewayConfig config, Dictionary<string, Upstream> upstreams)
    {
        if (path.Integration is not { } integration)
        {
            return StaticResponseIntegration.ForResponse(path.Response);
        }

        if (integration.IsStatic)
        {
            return StaticResponseIntegration.ForStatic(integration);
        }

        var mapping = path.Mapping is null ? null : new RequestMapping(
            Compile(path.Mapping.Headers, path, config),
            Compile(path.Mapping.Query, path, config));
        return new HttpProxyIntegration(upstreams[integration.Server!], mapping, _forwarder,
            integration.Path is null ? null : BuildBackendPath(integration.Path, template),
            integration.Method is null ? null : new HttpMethod(integration.Method));
    }

    private static BackendPathTemplate BuildBackendPath(string path, RouteTemplate route) =>
        BackendPathTemplate.TryParse(path, route, out var template, out _)
            ? template!
            : throw new InvalidOperationException($"The backend path '{path}' was not validated before the runtime was built.");

    private static List<KeyValuePair<string, MappingTemplate>> Compile(IReadOnlyDictionary<string, string> values,
        PathConfig path, GatewayConfig config) =>
        [.. values.Select(v => KeyValuePair.Create(v.Key, MappingTemplate.Compile(v.Value, path.Variables, config.Variables, out _)))];
}
