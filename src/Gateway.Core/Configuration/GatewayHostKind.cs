
namespace FunctionGateway.Configuration;

/// <summary>Which host runs the engine. Config validation depends on it where the hosts differ.</summary>
public enum GatewayHostKind
{
    /// <summary><c>gateway serve</c>: the engine owns every path on Kestrel.</summary>
    Standalone,

    /// <summary>The Azure Functions app, whose host keeps <c>/admin</c> and <c>/runtime</c> for itself.</summary>
    AzureFunctions,
}
