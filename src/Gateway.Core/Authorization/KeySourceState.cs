namespace FunctionGateway.Authorization;

/// <summary>
/// What an authorizer's key source looks like now, for the status endpoint: where keys come from, how many
/// there are, and the last fetch and failure. Never a key or a secret.
/// </summary>
/// <param name="Kind"><c>secret</c>, <c>jwks</c>, <c>jwks_uri</c> or <c>openid_configuration_uri</c>.</param>
/// <param name="Address">The remote address without its query string; null for keys in the config.</param>
public sealed record KeySourceState(string Kind, string? Address, int? KeyCount, DateTimeOffset? LastFetchedAt, string? LastFailure);
