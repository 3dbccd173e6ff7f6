using FunctionGateway.Authorization;
using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Integrations;
using FunctionGateway.RateLimiting;
using FunctionGateway.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
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
        services.AddGatewaySettings();
        services.TryAddSingleton(sp => ForwardingPolicy.Create(sp.GetRequiredService<GatewaySettings>().TrustedProxies,
            sp.GetService<IOptions<GatewayHostOptions>>()?.Value.Kind ?? GatewayHostKind.Standalone));
        services.TryAddSingleton(sp => new UpstreamForwarder(sp.GetRequiredService<Yarp.ReverseProxy.Forwarder.IHttpForwarder>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<UpstreamForwarder>>(), sp.GetRequiredService<ForwardingPolicy>()));
        services.TryAddSingleton(sp => new AuthorizerRegistry(sp.GetRequiredService<TimeProvider>(), sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        services.TryAddSingleton(sp => new RuntimeBuilder(sp.GetRequiredService<UpstreamForwarder>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IRemoteKeySourceFactory>(), sp.GetRequiredService<AuthorizerRegistry>()));
        services.TryAddSingleton<GatewayConfigLoader>();
        services.TryAddSingleton<GatewayRuntimeHolder>();
        services.TryAddSingleton<IGatewayRuntimeProvider>(sp => sp.GetRequiredService<GatewayRuntimeHolder>());
        services.TryAddSingleton<MemoryRateLimitStore>();
        // A host that shares counters (Redis) registers its store before this call.
        services.TryAddSingleton<IRateLimitStore>(sp => sp.GetRequiredService<MemoryRateLimitStore>());
        services.TryAddSingleton<RateLimitStep>();
        services.TryAddSingleton(sp => new GatewayEngine(sp.GetRequiredService<IGatewayRuntimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<GatewayEngine>>(), sp.GetService<IGatewayStatusEndpoint>(),
            sp.GetRequiredService<RateLimitStep>()));
        return services;
    }

    /// <summary>
    /// Ends the pipeline with the gateway: every request goes through the match, authorize and dispatch
    /// steps, and the gateway answers it (there is nothing after it to fall through to).
    /// </summary>
    public static void UseGateway(this IApplicationBuilder app)
    {
        var engine = app.ApplicationServices.GetRequiredService<GatewayEngine>();
        app.Run(async context =>
        {
            if (await engine.MatchAsync(context) && await engine.AuthorizeAsync(context))
            {
                await engine.DispatchAsync(context);
            }
        });
    }
}
