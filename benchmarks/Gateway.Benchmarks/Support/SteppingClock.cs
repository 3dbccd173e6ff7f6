namespace FunctionGateway.Benchmarks.Support;

/// <summary>A clock that reads the time it was started at until a benchmark moves it on.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
