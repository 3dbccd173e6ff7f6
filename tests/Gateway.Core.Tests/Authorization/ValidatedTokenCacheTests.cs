using System.Text.Json;
using FunctionGateway.Authorization;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Tests.Authorization;

public class ValidatedTokenCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly KeySet Keys = new([], selectByKeyId: false);
    private static readonly AuthorizationOutcome Accepted = AuthorizationOutcome.Success(JsonDocument.Parse("{}").RootElement.Clone());

    [Fact]
    public void Add_CacheFull_KeepsHalfOfItsTokensAndTheNewOne()
    {
        var (cache, _) = Cache(capacity: 8);
        var tokens = Enumerable.Range(0, 8).Select(i => $"token-{i}").ToList();
        tokens.ForEach(t => cache.Add(t, Keys, Accepted, expires: null));

        cache.Add("token-new", Keys, Accepted, expires: null);

        Assert.Equal(5, cache.Count);
        Assert.Equal(4, tokens.Count(t => cache.TryGet(t, Keys, out _)));
        Assert.True(cache.TryGet("token-new", Keys, out var outcome));
        Assert.Same(Accepted, outcome);
    }

    [Fact]
    public void Add_CacheFullWithExpiredTokens_DropsOnlyTheExpiredOnes()
    {
        var (cache, time) = Cache(capacity: 4);
        cache.Add("short-1", Keys, Accepted, Now.AddMinutes(1));
        cache.Add("short-2", Keys, Accepted, Now.AddMinutes(1));
        cache.Add("long-1", Keys, Accepted, expires: null);
        cache.Add("long-2", Keys, Accepted, expires: null);
        time.Advance(TimeSpan.FromMinutes(2));

        cache.Add("token-new", Keys, Accepted, expires: null);

        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGet("long-1", Keys, out _));
        Assert.True(cache.TryGet("long-2", Keys, out _));
        Assert.True(cache.TryGet("token-new", Keys, out _));
        Assert.False(cache.TryGet("short-1", Keys, out _));
    }

    [Fact]
    public void Add_ManyMoreTokensThanItHolds_NeverHoldsMoreThanItsCapacity()
    {
        var (cache, _) = Cache(capacity: 100);

        for (var i = 0; i < 10_000; i++)
        {
            cache.Add($"token-{i}", Keys, Accepted, expires: null);
            Assert.InRange(cache.Count, 1, 100);
        }
    }

    private static (ValidatedTokenCache Cache, FakeTimeProvider Time) Cache(int capacity)
    {
        var time = new FakeTimeProvider(Now);
        var cache = new ValidatedTokenCache(time, capacity);
        // The first look-up adopts the authorizer's current keys; entries checked with other keys are not kept.
        Assert.False(cache.TryGet("none", Keys, out _));
        return (cache, time);
    }
}
