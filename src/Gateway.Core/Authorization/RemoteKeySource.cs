using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace FunctionGateway.Authorization;

/// <summary>
/// Keys of an identity provider, from a discovery document or a bare <c>jwks_uri</c>, cached and refreshed by
/// IdentityModel's <see cref="ConfigurationManager{T}"/>: an unknown <c>kid</c> asks for a refresh at most once per
/// <c>jwks_refresh_min_seconds</c>, and a failed fetch keeps the last keys fetched. One source per
/// <see cref="RemoteKeySourceKey"/>, shared by authorizers and config versions through <see cref="AuthorizerRegistry"/>.
/// </summary>
public sealed class RemoteKeySource : ISigningKeySource
{
    /// <summary>Keys are also refetched this often without any unknown <c>kid</c>, so that a removed key stops working.</summary>
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(1);

    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly ReportingRetriever _retriever;
    private readonly string _address;
    private readonly string _kind;
    private Current? _current;

    internal RemoteKeySource(RemoteKeySourceKey key, ILogger logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(key);
        IdentityModelSwitches.Apply();
        _address = key.Address;
        _kind = key.Discovery ? "openid_configuration_uri" : "jwks_uri";
        _retriever = new ReportingRetriever(
            key.Discovery ? new OpenIdConnectConfigurationRetriever() : new JwksRetriever(), () => UsedBy, logger, timeProvider);
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(_address, _retriever,
            new HttpDocumentRetriever(Http) { RequireHttps = !IsLoopback(_address) })
        {
            RefreshInterval = TimeSpan.FromSeconds(key.RefreshMinSeconds),
            AutomaticRefreshInterval = AutomaticRefreshInterval,
        };
    }

    /// <summary>The authorizers using this source, as its log lines name them; set by <see cref="AuthorizerRegistry"/>.</summary>
    public string UsedBy { get; set; } = "authorizer";

    /// <summary>HTTPS is required for every host but the machine itself (local development and tests).</summary>
    public static bool IsLoopback(string address) => Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback;

    public async ValueTask<KeySet> GetAsync(CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return KeySet.Unavailable($"the keys at {ReportingRetriever.WithoutQuery(_address)} could not be fetched ({_retriever.LastFailure ?? "no answer yet"})");
        }

        var current = _current;
        if (current is not null && ReferenceEquals(current.Configuration, configuration))
        {
            return current.Keys;
        }

        var keys = new KeySet([.. configuration.SigningKeys], selectByKeyId: true,
            string.IsNullOrEmpty(configuration.Issuer) ? null : configuration.Issuer);
        _current = new Current(configuration, keys);
        return keys;
    }

    public KeySourceState State => new(_kind, ReportingRetriever.WithoutQuery(_address), _current?.Keys.Keys.Count,
        _retriever.LastFetchedAt, _retriever.LastFailure);

    public ValueTask<KeySet> RefreshAsync(CancellationToken cancellationToken)
    {
        _manager.RequestRefresh();
        return GetAsync(cancellationToken);
    }

    private sealed record Current(OpenIdConnectConfiguration Configuration, KeySet Keys);
}
