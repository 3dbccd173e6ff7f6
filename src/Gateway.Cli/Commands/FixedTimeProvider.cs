namespace FunctionGateway.Cli.Commands;

/// <summary>
/// One instant for a whole command (<c>--at</c>, or the moment it started), given to the tooling's load, so that the
/// engine's checks and the explanation's never straddle a token's expiry. Tests pass a <c>FakeTimeProvider</c> instead.
/// </summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
