using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace FunctionGateway.Authorization;

/// <summary>
/// Logs each key fetch of a <see cref="ConfigurationManager{T}"/> and remembers the last failure, which the
/// manager itself only hides behind "keeping the current configuration".
/// </summary>
internal sealed class ReportingRetriever(IConfigurationRetriever<OpenIdConnectConfiguration> inner, Func<string> authorizers,
    ILogger logger, TimeProvider timeProvider) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public string? LastFailure { get; private set; }

    public DateTimeOffset? LastFetchedAt { get; private set; }

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var shown = WithoutQuery(address);
        try
        {
            var configuration = await inner.GetConfigurationAsync(address, retriever, cancel).ConfigureAwait(false);
            if (configuration.SigningKeys.Count == 0)
            {
                throw new InvalidOperationException("the key set has no usable signing key");
            }

            LastFailure = null;
            LastFetchedAt = timeProvider.GetUtcNow();
            var usedBy = authorizers();
            AuthorizationLog.KeysFetched(logger, usedBy, shown, configuration.SigningKeys.Count);
            return configuration;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LastFailure = Describe(e);
            var usedBy = authorizers();
            AuthorizationLog.KeyFetchFailed(logger, usedBy, shown, LastFailure);
            throw;
        }
    }

    /// <summary>An address built from a <c>$secret</c> may carry a key in its query: logs show the rest.</summary>
    internal static string WithoutQuery(string address) => address.Split('?')[0];

    // The innermost message says what went wrong (refused connection, 500, bad JSON); IdentityModel's own
    // wrappers add nothing but their IDX numbers.
    private static string Describe(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return $"{e.GetType().Name}: {e.Message}";
    }
}
