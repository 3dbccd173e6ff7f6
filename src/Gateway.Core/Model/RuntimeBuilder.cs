using FunctionGateway.Authorization;
using FunctionGateway.Configuration;
using FunctionGateway.Cors;
using FunctionGateway.Integrations;
using FunctionGateway.Mapping;
using FunctionGateway.Routing;

namespace FunctionGateway.Model;

/// <summary>Compiles a validated config into a <see cref="GatewayRuntime"/>: route table, authorizer, CORS, integrations.</summary>
public sealed class RuntimeBuilder(UpstreamForwarder forwarder, TimeProvider timeProvider)
{
    internal GatewayRuntime Build(GatewayConfig config, ConfigVersion version)
    {
        var authorizer = config.Authorizer is null ? null : new JwtAuthorizer(config.Authorizer, timeProvider);
        var upstreams = config.Servers.ToDictionary(s => s.Alias, s => new Upstream(s), StringComparer.Ordinal);
        var routes = new List<GatewayRoute>(config.Paths.Count);
        for (var i = 0; i < config.Paths.Count; i++)
        {
            var path = config.Paths[i];
            // The validator has accepted every method and template, so these parses cannot fail.
            if (!RouteMethods.TryParse(path.Method, out var method) || !RouteTemplate.TryParse(path.Path, out var template, out _))
            {
                throw new InvalidOperationException($"paths[{i}] was not validated before the runtime was built.");
            }

            routes.Add(new GatewayRoute(i, path, method, template!, path.Auth ? authorizer : null,
                BuildIntegration(path, config, upstreams)));
        }

        return new GatewayRuntime(config, version, new RouteTable<GatewayRoute>(routes),
            config.Cors is null ? null : new CorsPolicy(config.Cors));
    }

    private IIntegration BuildIntegration(PathConfig path, GatewayConfig config, Dictionary<string, Upstream> upstreams)
    {
        if (path.Integration is not { } integration)
        {
            return new StaticResponseIntegration(path.Response);
        }

        var mapping = path.Mapping is null ? null : new RequestMapping(
            Compile(path.Mapping.Headers, path, config),
            Compile(path.Mapping.Query, path, config));
        return new HttpProxyIntegration(upstreams[integration.Server!], mapping, forwarder);
    }

    private static List<KeyValuePair<string, MappingTemplate>> Compile(IReadOnlyDictionary<string, string> values,
        PathConfig path, GatewayConfig config) =>
        [.. values.Select(v => KeyValuePair.Create(v.Key, MappingTemplate.Compile(v.Value, path.Variables, config.Variables, out _)))];
}
