namespace FunctionGateway.Mapping;

/// <summary>The request values a mapping can read; null when absent.</summary>
public interface IMappingValues
{
    string? Header(string name);

    string? Query(string name);

    string? Claim(string name);

    /// <summary>A <c>{name}</c> parameter of the matched route.</summary>
    string? RouteParameter(string name);
}
