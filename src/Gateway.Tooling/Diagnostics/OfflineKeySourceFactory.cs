using FunctionGateway.Authorization;
using FunctionGateway.Configuration;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>For <c>gateway explain --offline</c>: remote key sets are never fetched, and say so when asked.</summary>
internal sealed class OfflineKeySourceFactory : IRemoteKeySourceFactory
{
    public ISigningKeySource Create(AuthorizerConfig authorizer) => new OfflineKeySource(authorizer);
}
