namespace FunctionGateway.Hosting;

/// <summary><c>Gateway:KeyVault:*</c>: the vault that <c>$secret</c> references are read from.</summary>
public sealed class GatewayKeyVaultOptions
{
    /// <summary><c>Gateway:KeyVault:Uri</c>: an https:// URI; without it, secrets come from app settings and environment variables.</summary>
    public string? Uri { get; set; }
}
