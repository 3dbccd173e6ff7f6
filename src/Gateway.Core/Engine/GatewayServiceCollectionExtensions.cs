using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Integrations;
using FunctionGateway.Model;
using FunctionGateway.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine and what it needs. A host may register its own <see cref="ISecretSource"/> first
    /// (Key Vault); otherwise secrets come from app settings and environment variables.
    /// </summary>
    public static IServiceCollection AddGatewayEngine(this IServiceCollection services)
    {
        services.AddHttpForwarder();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISecretSource, ConfigurationSecretSource>();
        services.TryAddSingleton<UpstreamForwarder>();
        services.TryAddSingleton<RuntimeBuilder>();
        services.TryAddSingleton<GatewayConfigLoader>();
        services.TryAddSingleton<GatewayRuntimeHolder>();
        services.TryAddSingleton<IGatewayRuntimeProvider>(sp => sp.GetRequiredService<GatewayRuntimeHolder>());
        services.TryAddSingleton<GatewayEngine>();
        services.TryAddSingleton<ConfigPublisher>();
        return services;
    }

    /// <summary>Sends every request through the gateway's match, authorize and dispatch steps.</summary>
    public static IApplicationBuilder UseGateway(this IApplicationBuilder app) => app.UseMiddleware<GatewayMiddleware>();
}
