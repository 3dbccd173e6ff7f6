namespace FunctionGateway.Authorization;

/// <summary>Where an authorizer's keys come from: its config (a secret, an inline JWKS) or an identity provider.</summary>
public interface ISigningKeySource
{
    /// <summary>The current keys; never throws, an unavailable key set says why.</summary>
    ValueTask<KeySet> GetAsync(CancellationToken cancellationToken);

    /// <summary>Asks for fresh keys (throttled by the source) and returns the keys then in use.</summary>
    ValueTask<KeySet> RefreshAsync(CancellationToken cancellationToken);

    /// <summary>The source's state, for the status endpoint.</summary>
    KeySourceState State { get; }
}
