using Azure.Core;
using FunctionGateway.RateLimiting;
using FunctionGateway.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

public static class GatewayRedisServiceCollectionExtensions
{
    /// <summary>
    /// Shares the rate limit counters of every instance in Redis when <c>Gateway:RateLimit:Redis</c> is set;
    /// without it the engine counts in memory. When the setting is an Azure Redis host name alone, the app's
    /// identity signs in with the <see cref="TokenCredential"/> the host registers (AddGatewayConfigSources does).
    /// </summary>
    public static IServiceCollection AddGatewayRedisRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        if (RedisRateLimitSettings.Read(configuration) is not { } settings)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RedisConnection(settings, settings.UsesEntra ? new EntraRedisCredentials(sp.GetRequiredService<TokenCredential>()) : null,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisConnection>>()));
        services.TryAddSingleton<RedisRateLimitStore>();
        // Replaces the engine's in-memory store whichever was registered first.
        services.Replace(ServiceDescriptor.Singleton<IRateLimitStore>(sp => sp.GetRequiredService<RedisRateLimitStore>()));
        return services;
    }
}
