namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>A route close to the request that the matcher did not pick, and why.</summary>
/// <param name="Route">As the config writes it: <c>GET /private/orders/{id}</c>.</param>
/// <param name="Index">Its position in <c>paths</c>.</param>
public sealed record RouteCandidate(string Route, int Index, string Reason);
