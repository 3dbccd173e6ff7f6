namespace FunctionGateway.Secrets;

/// <summary>Where <c>$secret.NAME</c> references are read from: app settings here, Key Vault in Azure.</summary>
public interface ISecretSource
{
    /// <summary>A short description for error messages, such as "app settings" or "Key Vault 'https://kv.vault.azure.net/'".</summary>
    string Name { get; }

    /// <summary>The secret's value, or null when the source holds no secret of that name.</summary>
    /// <exception cref="SecretSourceException">The source could not be read.</exception>
    ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken);

    /// <summary>What the source last saw for each secret it was asked for, for the status endpoint; empty when it keeps no state.</summary>
    IReadOnlyList<SecretState> States => [];
}
