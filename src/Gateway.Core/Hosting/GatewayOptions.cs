using Microsoft.Extensions.Configuration;

namespace FunctionGateway.Hosting;

/// <summary>
/// The <c>Gateway:*</c> settings, bound from the host's configuration (app settings, <c>Gateway__Config__Path</c>
/// style environment variables, appsettings.json). Each value is bound as written: a bad one is a problem that
/// <see cref="GatewayOptionsValidator"/> reports along with every other, naming its setting, where binding to
/// numbers and URIs would stop at the first with an exception. <see cref="GatewaySettings"/> is their checked,
/// typed form.
/// </summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    public GatewayConfigOptions Config { get; set; } = new();

    public GatewayKeyVaultOptions KeyVault { get; set; } = new();

    public GatewaySecretsOptions Secrets { get; set; } = new();

    public GatewayStatusOptions Status { get; set; } = new();

    public GatewayForwardingOptions Forwarding { get; set; } = new();

    public GatewayRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The settings in <paramref name="configuration"/>, bound as the hosts bind them; for the commands that run no host.</summary>
    public static GatewayOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new GatewayOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }
}
