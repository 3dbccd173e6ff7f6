using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FunctionGateway.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Benchmarks.Support;

/// <summary>
/// An authorizer config for one algorithm (an HMAC secret, or an inline JWKS of one RSA 2048-bit or P-256 key
/// with kid <c>k1</c>) and the private key that signs its tokens.
/// </summary>
internal sealed class BenchmarkKeys : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public BenchmarkKeys(string algorithm)
    {
        Algorithm = algorithm;
        Config = algorithm switch
        {
            "HS256" => new AuthorizerConfig { Type = "jwt", Secret = BenchmarkTokens.HmacSecret, Issuers = [BenchmarkTokens.Issuer], Audiences = [BenchmarkTokens.Audience] },
            "RS256" => JwksConfig(algorithm, RsaJwk()),
            "ES256" => JwksConfig(algorithm, EcJwk()),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "HS256, RS256 or ES256"),
        };
    }

    public string Algorithm { get; }

    public AuthorizerConfig Config { get; }

    /// <summary>A signed token; a distinct <paramref name="jti"/> makes a token the gateway has never seen.</summary>
    public string Mint(string? jti = null, TimeSpan? lifetime = null) =>
        BenchmarkTokens.Mint(Algorithm, "k1", Sign, BenchmarkTokens.Payload(jti, lifetime));

    public void Dispose()
    {
        _rsa.Dispose();
        _ec.Dispose();
    }

    private byte[] Sign(byte[] input) => Algorithm switch
    {
        "HS256" => HMACSHA256.HashData(Encoding.UTF8.GetBytes(BenchmarkTokens.HmacSecret), input),
        "RS256" => _rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        _ => _ec.SignData(input, HashAlgorithmName.SHA256),
    };

    private static AuthorizerConfig JwksConfig(string algorithm, Dictionary<string, string> jwk) => new()
    {
        Type = "jwt",
        Algorithms = [algorithm],
        Jwks = JsonSerializer.Serialize(new { keys = new[] { jwk } }),
        Issuers = [BenchmarkTokens.Issuer],
        Audiences = [BenchmarkTokens.Audience],
    };

    private Dictionary<string, string> RsaJwk()
    {
        var p = _rsa.ExportParameters(false);
        return new() { ["kty"] = "RSA", ["kid"] = "k1", ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent) };
    }

    private Dictionary<string, string> EcJwk()
    {
        var q = _ec.ExportParameters(false).Q;
        return new() { ["kty"] = "EC", ["kid"] = "k1", ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(q.X), ["y"] = Base64UrlEncoder.Encode(q.Y) };
    }
}
