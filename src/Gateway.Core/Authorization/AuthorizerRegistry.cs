using FunctionGateway.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionGateway.Authorization;

/// <summary>
/// The authorizers and remote key sources of the config versions in use, shared across versions and authorizers:
/// a reload that leaves an authorizer's settings as they were keeps its token cache, and one that leaves its key
/// source as it was keeps the fetched keys, the last known good keys and the refresh throttle. Two authorizers on
/// one <c>jwks_uri</c> share one source. Each runtime acquires what it uses and releases it when it is replaced;
/// what no runtime uses any more leaves the registry.
/// </summary>
internal sealed class AuthorizerRegistry(TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
{
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("FunctionGateway.Authorization");
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SharedAuthorizer> _authorizers = new(StringComparer.Ordinal);
    private readonly Dictionary<JwtAuthorizer, SharedAuthorizer> _byInstance = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<RemoteKeySourceKey, SharedKeySource> _keySources = [];

    /// <summary>Authorizers in use, for tests and the status endpoint.</summary>
    public int AuthorizerCount
    {
        get
        {
            lock (_lock)
            {
                return _authorizers.Count;
            }
        }
    }

    /// <summary>Remote key sources in use.</summary>
    public int KeySourceCount
    {
        get
        {
            lock (_lock)
            {
                return _keySources.Count;
            }
        }
    }

    /// <summary>The authorizer for these settings: the one in use when there is one, else a new one. Release it with <see cref="Release"/>.</summary>
    public JwtAuthorizer Acquire(AuthorizerConfig config)
    {
        var fingerprint = AuthorizerFingerprint.Of(config);
        lock (_lock)
        {
            if (!_authorizers.TryGetValue(fingerprint, out var shared))
            {
                var remote = config.JwksUri is not null || config.OpenIdConfigurationUri is not null ? AcquireKeySource(config) : null;
                shared = new SharedAuthorizer(fingerprint,
                    new JwtAuthorizer(config, (ISigningKeySource?)remote?.Source ?? StaticKeySource.For(config), timeProvider), remote);
                _authorizers.Add(fingerprint, shared);
                _byInstance.Add(shared.Authorizer, shared);
            }

            shared.Users++;
            return shared.Authorizer;
        }
    }

    public void Release(JwtAuthorizer authorizer)
    {
        lock (_lock)
        {
            if (!_byInstance.TryGetValue(authorizer, out var shared) || --shared.Users > 0)
            {
                return;
            }

            _authorizers.Remove(shared.Fingerprint);
            _byInstance.Remove(authorizer);
            if (shared.KeySource is { } remote)
            {
                remote.Names.Remove(authorizer.Name);
                if (--remote.Users == 0)
                {
                    _keySources.Remove(remote.Key);
                }
                else
                {
                    remote.Source.UsedBy = Label(remote.Names);
                }
            }
        }
    }

    private SharedKeySource AcquireKeySource(AuthorizerConfig config)
    {
        var key = RemoteKeySourceKey.For(config);
        if (!_keySources.TryGetValue(key, out var shared))
        {
            shared = new SharedKeySource(key, new RemoteKeySource(key, _logger, timeProvider));
            _keySources.Add(key, shared);
        }

        shared.Users++;
        shared.Names.Add(config.Name ?? "authorizer");
        shared.Source.UsedBy = Label(shared.Names);
        return shared;
    }

    private static string Label(List<string> names) => string.Join(", ", names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private sealed class SharedAuthorizer(string fingerprint, JwtAuthorizer authorizer, SharedKeySource? keySource)
    {
        public string Fingerprint => fingerprint;

        public JwtAuthorizer Authorizer => authorizer;

        public SharedKeySource? KeySource => keySource;

        public int Users { get; set; }
    }

    private sealed class SharedKeySource(RemoteKeySourceKey key, RemoteKeySource source)
    {
        public RemoteKeySourceKey Key => key;

        public RemoteKeySource Source => source;

        public int Users { get; set; }

        // The authorizers using it, for its log lines: one entry per authorizer in use, repeated across versions.
        public List<string> Names { get; } = [];
    }
}
