using System.Buffers.Text;
using System.Text.Json;
using Azure.Core;
using StackExchange.Redis;
using StackExchange.Redis.Configuration;

namespace FunctionGateway.Redis;

/// <summary>
/// Signs in to Azure Redis as the app's identity: the user is the identity's object id, the password a
/// Microsoft Entra token for Redis. Reconnects read the current token through <see cref="DefaultOptionsProvider"/>;
/// open connections are signed in again before the token expires (<see cref="RedisConnection"/>).
/// </summary>
internal sealed class EntraRedisCredentials(TokenCredential credential) : DefaultOptionsProvider
{
    private static readonly TokenRequestContext RedisScope = new(["https://redis.azure.com/.default"]);

    private volatile Token? _token;

    public override string? User => _token?.User;

    public override string? Password => _token?.Value;

    public DateTimeOffset ExpiresOn => _token?.ExpiresOn ?? DateTimeOffset.MinValue;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var token = await credential.GetTokenAsync(RedisScope, cancellationToken);
        _token = new Token(ObjectId(token.Token), token.Token, token.ExpiresOn);
    }

    /// <summary>The token's <c>oid</c> claim: Azure Redis names an Entra user by its object id.</summary>
    internal static string ObjectId(string token)
    {
        var parts = token.Split('.');
        if (parts.Length == 3)
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            if (payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty("oid", out var oid) && oid.ValueKind == JsonValueKind.String)
            {
                return oid.GetString()!;
            }
        }

        throw new InvalidOperationException("The Microsoft Entra token for Redis carries no 'oid' claim to sign in with.");
    }

    internal async Task SignInAgainAsync(IConnectionMultiplexer multiplexer)
    {
        if (_token is not { } token)
        {
            return;
        }

        foreach (var server in multiplexer.GetServers())
        {
            if (server.IsConnected)
            {
                await server.ExecuteAsync("AUTH", token.User, token.Value);
            }
        }
    }

    private sealed record Token(string User, string Value, DateTimeOffset ExpiresOn);
}
