using System.Net;

namespace FunctionGateway.Integrations;

/// <summary>The client's request as the gateway vouches for it: address, host and scheme.</summary>
internal readonly record struct ClientOrigin(IPAddress? Address, string? Host, string Proto);
