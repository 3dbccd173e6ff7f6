using FunctionGateway.Errors;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>What the engine's match and authorize steps did with the request: the response they wrote, if any.</summary>
/// <param name="PassedThrough">True when both steps let the request through to the integration.</param>
/// <param name="Status">The status the steps answered with; 0 when they passed the request on.</param>
/// <param name="Body">The response body the steps wrote (empty when they passed the request on).</param>
public sealed record EngineAnswer(bool PassedThrough, int Status, string? WwwAuthenticate, string Body, GatewayError? Error);
