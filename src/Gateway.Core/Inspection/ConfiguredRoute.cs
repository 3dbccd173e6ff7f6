using FunctionGateway.Configuration;
using FunctionGateway.Routing;

namespace FunctionGateway.Inspection;

/// <summary>A path of the config with its parsed method and template: what the tools and the overlap rules reason about.</summary>
public sealed record ConfiguredRoute(int Index, PathConfig Config, RouteMethod Method, RouteTemplate Template) : IRoutable
{
    /// <summary>The route's JSON location, such as <c>paths[3]</c>.</summary>
    public string Location => $"paths[{Index}]";

    /// <summary>The location with the route, such as <c>paths[3] (GET /users/{id})</c>, for messages naming another route.</summary>
    public string Described => $"{Location} ({this})";

    /// <summary>A method this route answers, for example requests: its own, or GET for ANY.</summary>
    public string SampleMethod => Method == RouteMethod.Any ? "GET" : RouteMethods.ToConfigText(Method);

    /// <summary>A path this route matches, with each parameter written as <c>{name}</c>.</summary>
    public string SamplePath => TemplateOverlap.ExamplePath(Template, Template);

    public bool IsProxy => Config.Integration is { IsHttpProxy: true, Server: not null };

    public override string ToString() => $"{Config.Method} {Config.Path}";

    /// <summary>The config's paths whose method and template parse; the others are reported by the path rule.</summary>
    public static List<ConfiguredRoute> From(GatewayConfig config)
    {
        var routes = new List<ConfiguredRoute>(config.Paths.Count);
        for (var i = 0; i < config.Paths.Count; i++)
        {
            var path = config.Paths[i];
            if (RouteMethods.TryParse(path.Method, out var method) && RouteTemplate.TryParse(path.Path, out var template, out _))
            {
                routes.Add(new ConfiguredRoute(i, path, method, template!));
            }
        }

        return routes;
    }
}
