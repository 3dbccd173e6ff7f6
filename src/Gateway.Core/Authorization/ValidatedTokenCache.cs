using System.Collections.Concurrent;
using System.Numerics;

namespace FunctionGateway.Authorization;

/// <summary>
/// Tokens one authorizer has accepted, keyed on the whole token, so that a client sending the same token again
/// skips the signature check. A token is kept from its second acceptance on: one seen only once (a fresh token per
/// request, or a client that sends one request) would cost more to keep than to check, since every entry outlives
/// the garbage collector's youngest generation. An entry never outlives the token's <c>exp</c> nor
/// <see cref="MaxAge"/>, and the whole cache is dropped when the authorizer's keys change. A config change that
/// leaves the authorizer's settings as they were keeps the authorizer, and so its cache
/// (<see cref="AuthorizerRegistry"/>); any other builds a new one.
/// </summary>
internal sealed class ValidatedTokenCache
{
    /// <summary>Entries per authorizer; 0 turns the cache off (the benchmarks measure a first sight that way).</summary>
    public const int DefaultCapacity = 10_000;

    /// <summary>How long an accepted token is trusted without a new check, however long it lives.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    // Looks a token up by a slice of the request's header, so a repeated token is never copied into a string.
    private readonly ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private KeySet? _keys;
    private int _count;
    // The hash of the last accepted token per slot, so that a second acceptance is told from a first without keeping
    // the token: a fixed array, as TinyLFU's doorkeeper. Two tokens on one slot only mean one is kept a sight early or
    // late; the cache's answers never depend on it.
    private int[]? _seenOnce;

    public ValidatedTokenCache(TimeProvider timeProvider, int capacity = DefaultCapacity)
    {
        _timeProvider = timeProvider;
        _capacity = capacity;
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(ReadOnlySpan<char> token, KeySet keys, out AuthorizationOutcome? outcome)
    {
        outcome = null;
        if (!ReferenceEquals(Volatile.Read(ref _keys), keys))
        {
            Flush(keys);
            return false;
        }

        if (!_bySpan.TryGetValue(token, out var entry))
        {
            return false;
        }

        if (_timeProvider.GetUtcNow() >= entry.ValidUntil)
        {
            if (_bySpan.TryRemove(token, out _, out _))
            {
                Interlocked.Decrement(ref _count);
            }

            return false;
        }

        outcome = entry.Outcome;
        return true;
    }

    /// <summary>
    /// Remembers a token accepted for the second time, unless the keys it was checked with are no longer current.
    /// </summary>
    public void Add(string token, KeySet keys, AuthorizationOutcome outcome, DateTimeOffset? expires)
    {
        if (_capacity == 0 || !ReferenceEquals(Volatile.Read(ref _keys), keys) || !SeenBefore(token))
        {
            return;
        }

        var now = _timeProvider.GetUtcNow();
        var until = now + MaxAge;
        if (expires is { } exp && exp < until)
        {
            until = exp;
        }

        if (until <= now)
        {
            return;
        }

        if (Volatile.Read(ref _count) >= _capacity)
        {
            Trim(now);
        }

        if (_entries.TryAdd(token, new Entry(outcome, until)))
        {
            Interlocked.Increment(ref _count);
        }
    }

    private bool SeenBefore(string token)
    {
        // Two threads may each allocate it on the first acceptances; the one that loses only forgets a first sight.
        var seen = _seenOnce ??= new int[BitOperations.RoundUpToPowerOf2((uint)_capacity)];
        var hash = string.GetHashCode(token, StringComparison.Ordinal);
        ref var slot = ref seen[hash & (seen.Length - 1)];
        if (slot == hash)
        {
            return true;
        }

        slot = hash;
        return false;
    }

    private void Flush(KeySet keys)
    {
        Volatile.Write(ref _keys, keys);
        _entries.Clear();
        Volatile.Write(ref _count, 0);
    }

    // Expired entries go first. If the cache is still full, it keeps half: the ones that come first in the
    // dictionary's order, which follows the tokens' (per-process randomised) hash codes, so no client in particular.
    // With more live tokens than it holds, half of them keep being served from the cache instead of none after
    // every emptying, and memory stays bounded.
    private void Trim(DateTimeOffset now)
    {
        foreach (var (token, entry) in _entries)
        {
            if (now >= entry.ValidUntil)
            {
                _entries.TryRemove(token, out _);
            }
        }

        var excess = _entries.Count - (_capacity / 2);
        if (_entries.Count >= _capacity)
        {
            foreach (var (token, _) in _entries)
            {
                if (excess-- <= 0)
                {
                    break;
                }

                _entries.TryRemove(token, out _);
            }
        }

        Volatile.Write(ref _count, _entries.Count);
    }

    private sealed record Entry(AuthorizationOutcome Outcome, DateTimeOffset ValidUntil);
}
