using System.Security.Cryptography;
using System.Text;
using FunctionGateway.Secrets;

namespace FunctionGateway.Hosting;

/// <summary>
/// A SHA-256 over the current values of a config's secrets, so the watcher can tell a rotated secret
/// without rebuilding the runtime (which would also drop its key caches) when nothing changed.
/// The digest stays in memory and is never logged.
/// </summary>
internal static class SecretsFingerprint
{
    /// <summary>The digest, or null when a secret could not be read (the caller keeps what it serves).</summary>
    public static async Task<byte[]?> ComputeAsync(ISecretSource secrets, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            string? value;
            try
            {
                value = await secrets.GetSecretAsync(name, cancellationToken);
            }
            catch (SecretSourceException)
            {
                return null;
            }

            if (value is null)
            {
                return null;
            }

            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(value));
            hash.AppendData([0]);
        }

        return hash.GetHashAndReset();
    }
}
