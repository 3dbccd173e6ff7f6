using FunctionGateway.Configuration;

namespace FunctionGateway.Authorization;

/// <summary>
/// Builds the key source of an authorizer whose keys are fetched (<c>jwks_uri</c>, <c>openid_configuration_uri</c>).
/// The engine fetches them itself unless a host registers another, as <c>gateway explain --offline</c> does.
/// </summary>
public interface IRemoteKeySourceFactory
{
    ISigningKeySource Create(AuthorizerConfig authorizer);
}
