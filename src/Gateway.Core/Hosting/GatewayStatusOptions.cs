namespace FunctionGateway.Hosting;

/// <summary><c>Gateway:Status:*</c>: the status endpoint.</summary>
public sealed class GatewayStatusOptions
{
    /// <summary><c>Gateway:Status:Path</c>: a path starting with '/'; the endpoint is off without it.</summary>
    public string? Path { get; set; }

    /// <summary><c>Gateway:Status:Key</c>: at least 16 characters, sent in <c>X-Gateway-Status-Key</c>.</summary>
    public string? Key { get; set; }
}
