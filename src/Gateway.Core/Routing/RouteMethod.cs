namespace FunctionGateway.Routing;

/// <summary>The methods a route may name; <see cref="Any"/> matches every request method.</summary>
public enum RouteMethod
{
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Options,
    Head,
    Any,
}
