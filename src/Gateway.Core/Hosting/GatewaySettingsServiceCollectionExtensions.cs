using FunctionGateway.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class GatewaySettingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds the <c>Gateway:*</c> settings (<see cref="IOptions{GatewayOptions}"/>) with the validator that reports
    /// every bad one, and registers their checked form (<see cref="GatewaySettings"/>) and the watcher's timing
    /// (<see cref="IOptions{ConfigWatcherOptions}"/>). Part of <c>AddGatewayEngine</c>, so both hosts share it.
    /// </summary>
    public static IServiceCollection AddGatewaySettings(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(GatewaySettings)))
        {
            return services;
        }

        // The engine also runs without a configuration (benchmarks, the operator tools' offline loads): no settings then.
        services.AddOptions<GatewayOptions>()
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(GatewayOptions.SectionName).Bind(options));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.TryAddSingleton(sp => GatewaySettings.From(sp.GetRequiredService<IOptions<GatewayOptions>>()));
        services.TryAddSingleton<IOptions<ConfigWatcherOptions>>(sp => Microsoft.Extensions.Options.Options.Create(sp.GetRequiredService<GatewaySettings>().Watcher));
        return services;
    }
}
