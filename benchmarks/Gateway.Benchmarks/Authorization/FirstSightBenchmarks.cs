using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using FunctionGateway.Authorization;
using FunctionGateway.Benchmarks.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Benchmarks.Authorization;

/// <summary>
/// What a token costs the first time it is seen, a new token on every call (each with its own <c>jti</c>) in the
/// request's <c>Authorization: Bearer</c> header: the gateway's authorizer as a request meets it (the token read
/// from the header, the checks, then the record of a first sight), the same without its cache (the checks alone), against
/// <see cref="JsonWebTokenHandler"/> alone validating it the way JwtBearer does (the token cut out of the header;
/// issuer, audience, lifetime and signature; then the claims identity JwtBearer builds its principal from).
/// dotnet run -c Release --project benchmarks/Gateway.Benchmarks -- --filter '*FirstSightBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class FirstSightBenchmarks
{
    // Tokens are minted before the run (RSA signing costs far more than verifying). After each pass over them the
    // gateway's authorizer is replaced by a new one, so that no token is ever seen twice by one authorizer, as in a
    // gateway where every request brings a new token: its cache stays empty and its record of first sights fills.
    private const int TokenCount = 4096;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = true };
    private readonly DefaultHttpContext _context = new();
    private string[] _headers = [];
    private int _next;
    private BenchmarkKeys _keys = null!;
    private StaticKeySource _keySource = null!;
    private JwtAuthorizer _authorizer = null!;
    private JwtAuthorizer _withoutCache = null!;
    private TokenValidationParameters _bearer = null!;

    [Params("HS256", "RS256", "ES256")]
    public string Algorithm { get; set; } = "HS256";

    [GlobalSetup]
    public void Setup()
    {
        _keys = new BenchmarkKeys(Algorithm);
        var tokens = Enumerable.Range(0, TokenCount).Select(i => _keys.Mint(jti: $"token-{i}", lifetime: TimeSpan.FromDays(3650))).ToArray();

        _headers = [.. tokens.Select(token => $"Bearer {token}")];
        _keySource = StaticKeySource.For(_keys.Config);
        _authorizer = new JwtAuthorizer(_keys.Config, _keySource, TimeProvider.System);
        _withoutCache = new JwtAuthorizer(_keys.Config, _keySource, TimeProvider.System, cacheCapacity: 0);
        _bearer = new TokenValidationParameters
        {
            ValidIssuer = BenchmarkTokens.Issuer,
            ValidAudience = BenchmarkTokens.Audience,
            IssuerSigningKeys = _keySource.GetAsync(default).AsTask().GetAwaiter().GetResult().Keys,
        };
        foreach (var token in tokens.Take(2))
        {
            if (!_withoutCache.ValidateAsync(token).AsTask().GetAwaiter().GetResult().Succeeded
                || !_handler.ValidateTokenAsync(token, _bearer).GetAwaiter().GetResult().IsValid)
            {
                throw new InvalidOperationException("The benchmark tokens are not valid.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _keys.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<bool> JsonWebTokenHandler()
    {
        _context.Request.Headers.Authorization = _headers[Next(out _)];
        var authorization = _context.Request.Headers.Authorization.ToString();
        var token = authorization["Bearer ".Length..].Trim();
        var result = await _handler.ValidateTokenAsync(token, _bearer);
        return result.IsValid && new ClaimsPrincipal(result.ClaimsIdentity).Identity!.IsAuthenticated;
    }

    [Benchmark]
    public async ValueTask<bool> Gateway()
    {
        _context.Request.Headers.Authorization = _headers[Next(out var wrapped)];
        if (wrapped)
        {
            _authorizer = new JwtAuthorizer(_keys.Config, _keySource, TimeProvider.System);
        }

        return (await _authorizer.AuthorizeAsync(_context.Request)).Succeeded;
    }

    [Benchmark]
    public async ValueTask<bool> GatewayWithoutCache()
    {
        _context.Request.Headers.Authorization = _headers[Next(out _)];
        return (await _withoutCache.AuthorizeAsync(_context.Request)).Succeeded;
    }

    private int Next(out bool wrapped)
    {
        wrapped = _next == _headers.Length;
        if (wrapped)
        {
            _next = 0;
        }

        return _next++;
    }
}
