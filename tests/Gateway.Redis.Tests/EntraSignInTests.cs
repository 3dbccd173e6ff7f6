using System.Text;
using System.Text.Json;
using Azure.Core;
using FunctionGateway.Configuration;
using FunctionGateway.RateLimiting;
using FunctionGateway.Redis.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace FunctionGateway.Redis.Tests;

/// <summary>Signing in as the app's identity, played on a local redis-server with an ACL user named after the identity's object id.</summary>
public sealed class EntraSignInTests
{
    private const string ObjectId = "6f1c0a2e-0000-4000-8000-000000000001";

    [Fact]
    public async Task Acquire_TokenRenewed_ReconnectsWithTheNewToken()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var redis = await RedisServer.StartOwnAsync();
        await using var admin = await ConnectionMultiplexer.ConnectAsync($"{redis.Address},allowAdmin=true");
        var credential = new FakeCredential(time);
        await admin.GetServer(redis.Address).ExecuteAsync("ACL", "SETUSER", ObjectId, "on", ">" + credential.Next(), "~*", "+@all");

        var settings = RedisRateLimitSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Gateway:RateLimit:Redis"] = redis.Address }).Build())! with { UsesEntra = true };
        await using var connection = new RedisConnection(settings, new EntraRedisCredentials(credential), time, NullLogger<RedisConnection>.Instance);
        var store = new RedisRateLimitStore(connection, time);
        var policy = RateLimitPolicy.From(new RateLimitConfig { Name = "p", Key = "k", Algorithm = "fixed_window", Limit = 5, WindowSeconds = 60 });

        Assert.True((await AcquireWhenConnectedAsync(store, policy)).Allowed);

        // The token is renewed five minutes before it expires; Redis now accepts only the new one.
        var renewed = credential.Next();
        await admin.GetServer(redis.Address).ExecuteAsync("ACL", "SETUSER", ObjectId, "resetpass", ">" + renewed);
        time.Advance(TimeSpan.FromMinutes(56));
        // The renewal runs off the timer's callback; the wait bounds a broken run, it is not what is asserted.
        await credential.Renewed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, credential.Issued);
        await admin.GetServer(redis.Address).ExecuteAsync("CLIENT", "KILL", "USER", ObjectId);
        Assert.True((await AcquireWhenConnectedAsync(store, policy)).Allowed);
    }

    private static async Task<RateLimitDecision> AcquireWhenConnectedAsync(RedisRateLimitStore store, RateLimitPolicy policy)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return await store.AcquireAsync(policy, "client", CancellationToken.None);
            }
            catch (RateLimitStoreException) when (i < 200)
            {
                await Task.Delay(50);
            }
        }
    }

    [Fact]
    public void ObjectId_TokenWithoutOid_Refused() =>
        Assert.Throws<InvalidOperationException>(() => EntraRedisCredentials.ObjectId(FakeCredential.Jwt("""{"sub":"x"}""")));

    private sealed class FakeCredential(TimeProvider time) : TokenCredential
    {
        private string _current = "";

        public int Issued { get; private set; }

        /// <summary>Completes when a second token is issued: the renewal before the first expires.</summary>
        public TaskCompletionSource Renewed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static string Jwt(string payload) =>
            $"{B64("""{"alg":"none"}""")}.{B64(payload)}.{B64(Guid.NewGuid().ToString())}";

        public string Next() => _current = Jwt(JsonSerializer.Serialize(new { oid = ObjectId, n = Guid.NewGuid() }));

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Assert.Equal(["https://redis.azure.com/.default"], requestContext.Scopes);
            if (++Issued == 2)
            {
                Renewed.TrySetResult();
            }
            return new AccessToken(_current, time.GetUtcNow().AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));

        private static string B64(string text) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }
}
