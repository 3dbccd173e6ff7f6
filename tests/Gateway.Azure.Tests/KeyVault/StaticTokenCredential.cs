using Azure.Core;

namespace FunctionGateway.Azure.Tests.KeyVault;

/// <summary>Stands in for DefaultAzureCredential: the fake vault accepts exactly this token.</summary>
internal sealed class StaticTokenCredential : TokenCredential
{
    public const string Token = "test-access-token";

    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
        {
            Scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
