namespace FunctionGateway.Routing;

/// <summary>The shape of a route template, which decides its place in the match order.</summary>
public enum RouteKind
{
    /// <summary>Literal segments only, such as <c>/users/me</c>.</summary>
    Exact,

    /// <summary>At least one <c>{name}</c> segment and no wildcard, such as <c>/users/{id}</c>.</summary>
    Parameterised,

    /// <summary>Ends with <c>{.+}</c>, such as <c>/files/{.+}</c>.</summary>
    Wildcard,
}
