using FunctionGateway.Configuration;
using FunctionGateway.RateLimiting;
using FunctionGateway.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Tests.RateLimiting;

public class RateLimitCounterTests
{
    // A window's start, so that the tests read in whole windows.
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 / 60 * 60);

    internal static RateLimitPolicy Policy(string algorithm, int limit, int seconds = 60, int perPeriod = 1) => RateLimitPolicy.From(new RateLimitConfig
    {
        Name = "p",
        Key = "$request.header.X-Client",
        Algorithm = algorithm,
        Limit = limit,
        WindowSeconds = algorithm == RateLimitConfig.TokenBucket ? null : seconds,
        TokensPerPeriod = algorithm == RateLimitConfig.TokenBucket ? perPeriod : null,
        PeriodSeconds = algorithm == RateLimitConfig.TokenBucket ? seconds : null,
    });

    [Fact]
    public void FixedWindow_LimitReached_RefusedUntilNextWindow()
    {
        var time = new FakeTimeProvider(Start.AddSeconds(10));
        var store = new MemoryRateLimitStore(time);
        var policy = Policy(RateLimitConfig.FixedWindow, 3);

        var remaining = Enumerable.Range(0, 3).Select(_ => store.Acquire(policy, "a")).Select(d => (d.Allowed, d.Remaining)).ToList();
        var refused = store.Acquire(policy, "a");
        var otherKey = store.Acquire(policy, "b");
        time.Advance(TimeSpan.FromSeconds(50));
        var next = store.Acquire(policy, "a");

        Assert.Equal([(true, 2L), (true, 1L), (true, 0L)], remaining);
        Assert.Equal(new RateLimitDecision(false, 0, 50_000, 50_000), refused);
        Assert.True(otherKey.Allowed);
        Assert.Equal(new RateLimitDecision(true, 2, 60_000, 0), next);
    }

    [Fact]
    public void SlidingWindow_PreviousWindowFull_WeighsByOverlap()
    {
        var time = new FakeTimeProvider(Start);
        var store = new MemoryRateLimitStore(time);
        var policy = Policy(RateLimitConfig.SlidingWindow, 10);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(store.Acquire(policy, "a").Allowed);
        }

        // A quarter into the next window, the previous ten weigh 7.5: two more fit, not a third.
        time.Advance(TimeSpan.FromSeconds(75));
        var first = store.Acquire(policy, "a");
        var second = store.Acquire(policy, "a");
        var third = store.Acquire(policy, "a");

        Assert.Equal((true, 1L), (first.Allowed, first.Remaining));
        Assert.Equal((true, 0L), (second.Allowed, second.Remaining));
        Assert.False(third.Allowed);
        // Room for one more once the previous window weighs 7 of its 10: at 0.3 of the window, 3 s from now.
        Assert.Equal(3_000, third.RetryAfterMilliseconds);
    }

    [Fact]
    public void SlidingWindow_CurrentWindowFull_RetryAfterReachesIntoNextWindow()
    {
        var time = new FakeTimeProvider(Start.AddSeconds(30));
        var store = new MemoryRateLimitStore(time);
        var policy = Policy(RateLimitConfig.SlidingWindow, 4);
        for (var i = 0; i < 4; i++)
        {
            store.Acquire(policy, "a");
        }

        var refused = store.Acquire(policy, "a");

        // 30 s to the window's end, then a quarter of the next window until the four weigh three.
        Assert.Equal(45_000, refused.RetryAfterMilliseconds);
        time.Advance(TimeSpan.FromSeconds(45));
        Assert.True(store.Acquire(policy, "a").Allowed);
    }

    [Fact]
    public void TokenBucket_Empty_RefilledByPeriod()
    {
        var time = new FakeTimeProvider(Start);
        var store = new MemoryRateLimitStore(time);
        var policy = Policy(RateLimitConfig.TokenBucket, 5, seconds: 2, perPeriod: 2);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(store.Acquire(policy, "a").Allowed);
        }

        var empty = store.Acquire(policy, "a");
        time.Advance(TimeSpan.FromMilliseconds(1500));
        var stillEmpty = store.Acquire(policy, "a");
        time.Advance(TimeSpan.FromMilliseconds(500));
        var refilled = Enumerable.Range(0, 3).Select(_ => store.Acquire(policy, "a").Allowed).ToList();

        Assert.Equal(new RateLimitDecision(false, 0, 6_000, 2_000), empty);
        Assert.Equal(500, stillEmpty.RetryAfterMilliseconds);
        Assert.Equal([true, true, false], refilled);
        Assert.Equal(6, policy.WindowSeconds);
    }

    [Fact]
    public void Acquire_ExpiredKeys_AreDroppedBySweep()
    {
        var time = new FakeTimeProvider(Start);
        var store = new MemoryRateLimitStore(time);
        var policy = Policy(RateLimitConfig.FixedWindow, 10, seconds: 1);
        for (var i = 0; i < 1000; i++)
        {
            store.Acquire(policy, $"client-{i}");
        }

        time.Advance(TimeSpan.FromSeconds(2));
        store.Acquire(policy, "late");

        Assert.Equal(1, store.CounterCount);
    }

    [Fact]
    public void Acquire_SamePolicyAfterReload_KeepsCounting()
    {
        var store = new MemoryRateLimitStore(new FakeTimeProvider(Start));
        store.Acquire(Policy(RateLimitConfig.FixedWindow, 2), "a");
        store.Acquire(Policy(RateLimitConfig.FixedWindow, 2), "a");

        Assert.False(store.Acquire(Policy(RateLimitConfig.FixedWindow, 2), "a").Allowed);
        Assert.True(store.Acquire(Policy(RateLimitConfig.FixedWindow, 3), "a").Allowed);
    }
}
