using System.Collections.Concurrent;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using FunctionGateway.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Azure.Secrets;

/// <summary>
/// <c>$secret.NAME</c> from Azure Key Vault. Each name is read on its own (the identity needs 'get', never
/// 'list'), under the mapped name (<c>JWT_SECRET</c> is <c>JWT-SECRET</c>); a name the vault does not hold
/// falls back to the app setting of the same name. Values are read again at every config load, so a rotated
/// secret takes effect at the next reload; when the vault cannot answer, the last good value is kept.
/// </summary>
internal sealed class KeyVaultSecretSource : ISecretSource
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly SecretClient _client;
    private readonly IConfiguration _settings;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, string> _lastGood = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SecretState> _states = new(StringComparer.Ordinal);

    public KeyVaultSecretSource(SecretClient client, IConfiguration settings, TimeProvider timeProvider,
        ILogger<KeyVaultSecretSource> logger, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _settings = settings;
        _timeProvider = timeProvider;
        _logger = logger;
        _timeout = timeout ?? DefaultTimeout;
    }

    public string Name => $"Key Vault '{_client.VaultUri}'";

    /// <summary>The state of every secret read so far, by the name the config uses.</summary>
    public IReadOnlyList<SecretState> States => [.. _states.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    public async ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken)
    {
        var vaultName = KeyVaultSecretName.From(name);
        string? failure;
        try
        {
            using var deadline = new CancellationTokenSource(_timeout, _timeProvider);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                var secret = await _client.GetSecretAsync(vaultName, version: null, timeout.Token);
                var value = secret.Value.Value;
                _lastGood[name] = value;
                Record(name, vaultName, SecretState.Ok, "Key Vault", null);
                return value;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Our overall timeout, or the client's own network timeout after its retries.
                failure = $"no answer within {_timeout.TotalSeconds:0.#} s";
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return FallBack(name, vaultName);
        }
        catch (RequestFailedException ex)
        {
            failure = ex.Status == 0
                ? $"the vault is unreachable ({FirstLine(ex.Message)})"
                : $"the vault answered {ex.Status} {ex.ErrorCode}" + (ex.Status == 403 ? " (the identity needs the 'get' secret permission)" : "");
        }
        catch (AuthenticationFailedException ex)
        {
            failure = $"no credential could get a token for the vault ({FirstLine(ex.Message)})";
        }

        if (_lastGood.TryGetValue(name, out var lastGood))
        {
            SecretsLog.KeptLastGood(_logger, Name, name, vaultName, failure);
            Record(name, vaultName, SecretState.Stale, "Key Vault (last good value)", failure);
            return lastGood;
        }

        SecretsLog.Unavailable(_logger, Name, name, vaultName, failure);
        Record(name, vaultName, SecretState.Failed, null, failure);
        throw new SecretSourceException($"{Name} could not be read for secret '{vaultName}': {failure}");
    }

    private string? FallBack(string name, string vaultName)
    {
        _lastGood.TryRemove(name, out _);
        var setting = _settings[name];
        if (setting is null)
        {
            Record(name, vaultName, SecretState.Missing, null,
                $"no secret '{vaultName}' in the vault (404) and no app setting '{name}'");
            return null;
        }

        SecretsLog.FellBack(_logger, Name, name, vaultName);
        Record(name, vaultName, SecretState.Ok, "app setting", null);
        return setting;
    }

    private void Record(string name, string vaultName, string state, string? from, string? error) =>
        _states[name] = new SecretState(name, vaultName, state, from, _timeProvider.GetUtcNow(), error);

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
