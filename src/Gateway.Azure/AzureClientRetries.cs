using Azure.Core;

namespace FunctionGateway.Azure;

/// <summary>Retry limits for the Azure clients the gateway reads config and secrets with.</summary>
internal static class AzureClientRetries
{
    /// <summary>A poll or a config load must end well before the next one: a few quick retries, never minutes of them.</summary>
    public static T Bounded<T>(T options) where T : ClientOptions
    {
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }
}
