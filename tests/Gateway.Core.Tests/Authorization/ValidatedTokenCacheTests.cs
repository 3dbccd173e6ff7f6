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
    public void Add_FirstAcceptance_IsNotKept()
    {
        var (cache, _) = Cache(capacity: 8);

        cache.Add("token-1", Keys, Accepted, expires: null);

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet("token-1", Keys, out _));
    }

    [Fact]
    public void Add_SecondAcceptance_IsKept()
    {
        var (cache, _) = Cache(capacity: 8);
        cache.Add("token-1", Keys, Accepted, expires: null);

        cache.Add("token-1", Keys, Accepted, expires: null);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("token-1", Keys, out var outcome));
        Assert.Same(Accepted, outcome);
    }

    [Fact]
    public void Add_ManyTokensEachAcceptedOnce_KeepsNone()
    {
        var (cache, _) = Cache(capacity: 100);

        for (var i = 0; i < 10_000; i++)
        {
            cache.Add($"token-{i}", Keys, Accepted, expires: null);
        }

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Add_CapacityZero_KeepsNothing()
    {
        var (cache, _) = Cache(capacity: 0);

        AcceptTwice(cache, "token-1", expires: null);

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet("token-1", Keys, out _));
    }

    [Fact]
    public void Add_CacheFull_KeepsHalfOfItsTokensAndTheNewOne()
    {
        var (cache, _) = Cache(capacity: 8);
        var tokens = Enumerable.Range(0, 8).Select(i => $"token-{i}").ToList();
        tokens.ForEach(t => AcceptTwice(cache, t, expires: null));

        AcceptTwice(cache, "token-new", expires: null);

        Assert.Equal(5, cache.Count);
        Assert.Equal(4, tokens.Count(t => cache.TryGet(t, Keys, out _)));
        Assert.True(cache.TryGet("token-new", Keys, out var outcome));
        Assert.Same(Accepted, outcome);
    }

    [Fact]
    public void Add_CacheFullWithExpiredTokens_DropsOnlyTheExpiredOnes()
    {
        var (cache, time) = Cache(capacity: 4);
        AcceptTwice(cache, "short-1", Now.AddMinutes(1));
        AcceptTwice(cache, "short-2", Now.AddMinutes(1));
        AcceptTwice(cache, "long-1", expires: null);
        AcceptTwice(cache, "long-2", expires: null);
        time.Advance(TimeSpan.FromMinutes(2));

        AcceptTwice(cache, "token-new", expires: null);

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
            AcceptTwice(cache, $"token-{i}", expires: null);
            Assert.InRange(cache.Count, 1, 100);
        }
    }

    private static void AcceptTwice(ValidatedTokenCache cache, string token, DateTimeOffset? expires)
    {
        cache.Add(token, Keys, Accepted, expires);
        cache.Add(token, Keys, Accepted, expires);
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
