namespace FunctionGateway.Secrets;

/// <summary>
/// What the gateway last saw for one secret, for the status endpoint: where its value came from and when,
/// or why it could not be read. Never the value.
/// </summary>
public sealed record SecretState(string Name, string VaultName, string State, string? From, DateTimeOffset CheckedAt, string? Error)
{
    public const string Ok = "ok";
    public const string Stale = "stale";
    public const string Missing = "missing";
    public const string Failed = "failed";
}
