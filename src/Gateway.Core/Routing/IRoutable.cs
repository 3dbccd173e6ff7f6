namespace FunctionGateway.Routing;

/// <summary>What the route table needs to know of a route.</summary>
public interface IRoutable
{
    RouteMethod Method { get; }

    RouteTemplate Template { get; }
}
