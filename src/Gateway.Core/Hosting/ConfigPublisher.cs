using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Sources;

namespace FunctionGateway.Hosting;

/// <summary>Reads a config source, loads what it holds and publishes it: the one path every host loads config by.</summary>
internal sealed class ConfigPublisher(GatewayConfigLoader loader, GatewayRuntimeHolder holder)
{
    /// <summary>Loads the source's config; publishes it when valid. Never publishes a config with errors.</summary>
    /// <exception cref="ConfigSourceException">The source could not be read.</exception>
    public async Task<ConfigLoadResult?> LoadAsync(IConfigSource source, string? currentTag, CancellationToken cancellationToken)
    {
        var snapshot = await source.ReadAsync(currentTag, cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        var result = await loader.LoadAsync(snapshot.Text, source.Name, snapshot.Tag, cancellationToken);
        if (result.Runtime is not null)
        {
            holder.Publish(result.Runtime);
        }

        return result;
    }
}
