namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>
/// One instant for a whole explanation (<c>--at</c>, or the moment the command started), so the engine's checks and
/// the breakdown's never straddle a token's expiry.
/// </summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
