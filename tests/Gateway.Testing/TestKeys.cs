using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Testing;

/// <summary>Signing keys for tests, and the JWKS that publishes their public halves.</summary>
public sealed class TestKeys
{
    public const string Secret = "a-test-secret-of-at-least-32-bytes!!";

    private TestKeys(string kid, RSA? rsa, ECDsa? ec)
    {
        KeyId = kid;
        Rsa = rsa;
        Ec = ec;
    }

    public string KeyId { get; }

    public RSA? Rsa { get; }

    public ECDsa? Ec { get; }

    public static TestKeys NewRsa(string kid) => new(kid, RSA.Create(2048), null);

    public static TestKeys NewEc(string kid) => new(kid, null, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>The public key as a JWK object.</summary>
    public Dictionary<string, string> Jwk()
    {
        if (Rsa is not null)
        {
            var p = Rsa.ExportParameters(false);
            return new() { ["kty"] = "RSA", ["kid"] = KeyId, ["use"] = "sig", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!) };
        }

        var q = Ec!.ExportParameters(false);
        return new() { ["kty"] = "EC", ["kid"] = KeyId, ["use"] = "sig", ["crv"] = "P-256", ["x"] = B64(q.Q.X!), ["y"] = B64(q.Q.Y!) };
    }

    public static string Jwks(params TestKeys[] keys) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["keys"] = keys.Select(k => k.Jwk()).ToArray() });

    /// <summary>The DER bytes of the RSA public key: what a key-confusion attacker uses as an HMAC secret.</summary>
    public byte[] PublicKeyBytes() => Rsa!.ExportSubjectPublicKeyInfo();

    private static string B64(byte[] bytes) => Base64UrlEncoder.Encode(bytes);
}
