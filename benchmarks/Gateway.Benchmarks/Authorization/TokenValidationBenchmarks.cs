using BenchmarkDotNet.Attributes;
using FunctionGateway.Authorization;
using FunctionGateway.Benchmarks.Support;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Benchmarks.Authorization;

/// <summary>
/// What checking one token costs: the first time the gateway sees it (signature, claims, lifetime) and when
/// the same token comes again (the validated-token cache). <see cref="FirstSightBenchmarks"/> measures a new
/// token on every call against JwtBearer's validator.
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
        using var keys = new BenchmarkKeys(Algorithm);
        _token = keys.Mint();
        _uncached = new JwtAuthorizer(keys.Config, StaticKeySource.For(keys.Config), TimeProvider.System, cacheCapacity: 0);
        _cached = new JwtAuthorizer(keys.Config, StaticKeySource.For(keys.Config), TimeProvider.System);
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
}
