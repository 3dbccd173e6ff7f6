using System.Buffers.Text;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Authorization;

/// <summary>
/// Verifies a token's signature with the authorizer's keys and IdentityModel's cryptography, without reading its
/// claims. <see cref="ParsedTokenValidator"/> verifies a first-seen token with it; the whole-token overload serves
/// a token the token library refused before verifying it (a registered claim it cannot read as its type), so that
/// such a token still gets the answer of the documented order: a bad signature first, the claim after.
/// </summary>
public static class SignatureCheck
{
    public static bool Verifies(string token, string algorithm, string? keyId, KeySet keys)
    {
        var signatureAt = token.LastIndexOf('.');
        var signature = Base64Url.DecodeFromChars(token.AsSpan(signatureAt + 1));
        var signingInput = Encoding.ASCII.GetBytes(token, 0, signatureAt);
        foreach (var key in keys.Keys)
        {
            if (keyId is not null && keys.SelectByKeyId && !string.IsNullOrEmpty(key.KeyId) && key.KeyId != keyId)
            {
                continue;
            }

            if (Verifies(key, algorithm, signingInput, signingInput.Length, signature))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether one key verifies the signature over the first <paramref name="inputLength"/> bytes of
    /// <paramref name="signingInput"/>, with the signature provider IdentityModel caches for the key and algorithm.
    /// </summary>
    internal static bool Verifies(SecurityKey key, string algorithm, byte[] signingInput, int inputLength, byte[] signature)
    {
        var factory = key.CryptoProviderFactory;
        if (!factory.IsSupportedAlgorithm(algorithm, key))
        {
            return false;
        }

        SignatureProvider? provider = null;
        try
        {
            provider = factory.CreateForVerifying(key, algorithm);
            return provider.Verify(signingInput, 0, inputLength, signature, 0, signature.Length);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidOperationException
            or System.Security.Cryptography.CryptographicException)
        {
            // A key this algorithm cannot use (too short, wrong curve) verifies nothing.
            return false;
        }
        finally
        {
            if (provider is not null)
            {
                factory.ReleaseSignatureProvider(provider);
            }
        }
    }
}
