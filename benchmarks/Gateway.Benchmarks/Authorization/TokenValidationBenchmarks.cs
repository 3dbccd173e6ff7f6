using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FunctionGateway.Authorization;
using FunctionGateway.Benchmarks.Support;
using FunctionGateway.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Benchmarks.Authorization;

/// <summary>
/// What checking one token costs: the first time the gateway sees it (signature, claims, lifetime) and when
/// the same token comes again (the validated-token cache).
/// dotnet run -c Release --project benchmarks/Gateway.Benchmarks -- --filter '*TokenValidation*'
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private JwtAuthorizer _uncached = null!;
    private JwtAuthorizer _cached = null!;
    private string _token = "";
    private DefaultHttpContext _request = null!;

    [Params("HS256", "RS256", "ES256")]
    public string Algorithm { get; set; } = "HS256";

    [GlobalSetup]
    public void Setup()
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (config, sign) = Algorithm switch
        {
            "HS256" => (new AuthorizerConfig { Type = "jwt", Secret = BenchmarkTokens.HmacSecret, Issuers = [BenchmarkTokens.Issuer], Audiences = [BenchmarkTokens.Audience] },
                (Func<byte[], byte[]>)(input => HMACSHA256.HashData(Encoding.UTF8.GetBytes(BenchmarkTokens.HmacSecret), input))),
            "RS256" => (JwksConfig("RS256", RsaJwk(rsa)), input => rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            _ => (JwksConfig("ES256", EcJwk(ec)), input => ec.SignData(input, HashAlgorithmName.SHA256)),
        };

        _token = BenchmarkTokens.Mint(Algorithm, "k1", sign);
        _uncached = new JwtAuthorizer(config, StaticKeySource.For(config), TimeProvider.System, cacheCapacity: 0);
        _cached = new JwtAuthorizer(config, StaticKeySource.For(config), TimeProvider.System);
        if (!_uncached.ValidateAsync(_token).AsTask().GetAwaiter().GetResult().Succeeded)
        {
            throw new InvalidOperationException("The benchmark token is not valid.");
        }

        _request = new DefaultHttpContext();
        _request.Request.Headers.Authorization = $"Bearer {_token}";
    }

    [Benchmark(Baseline = true)]
    public async ValueTask<bool> FirstSight() => (await _uncached.ValidateAsync(_token)).Succeeded;

    [Benchmark]
    public async ValueTask<bool> Repeated() => (await _cached.ValidateAsync(_token)).Succeeded;

    /// <summary>What a request pays: the token read from its <c>Authorization: Bearer</c> header, then the cache.</summary>
    [Benchmark]
    public async ValueTask<bool> RepeatedFromHeader() => (await _cached.AuthorizeAsync(_request.Request)).Succeeded;

    private static AuthorizerConfig JwksConfig(string algorithm, Dictionary<string, string> jwk) => new()
    {
        Type = "jwt",
        Algorithms = [algorithm],
        Jwks = JsonSerializer.Serialize(new { keys = new[] { jwk } }),
        Issuers = [BenchmarkTokens.Issuer],
        Audiences = [BenchmarkTokens.Audience],
    };

    private static Dictionary<string, string> RsaJwk(RSA rsa)
    {
        var p = rsa.ExportParameters(false);
        return new() { ["kty"] = "RSA", ["kid"] = "k1", ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent) };
    }

    private static Dictionary<string, string> EcJwk(ECDsa ec)
    {
        var q = ec.ExportParameters(false).Q;
        return new() { ["kty"] = "EC", ["kid"] = "k1", ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(q.X), ["y"] = Base64UrlEncoder.Encode(q.Y) };
    }
}
