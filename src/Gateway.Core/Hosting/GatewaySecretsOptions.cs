namespace FunctionGateway.Hosting;

/// <summary><c>Gateway:Secrets:*</c>: how rotated secrets are picked up.</summary>
public sealed class GatewaySecretsOptions
{
    /// <summary><c>Gateway:Secrets:RefreshSeconds</c>: seconds, from 0 up to 86400 (default 300); 0 reads secrets only when the config changes.</summary>
    public string? RefreshSeconds { get; set; }
}
