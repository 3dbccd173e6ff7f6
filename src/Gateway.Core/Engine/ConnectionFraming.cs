namespace FunctionGateway.Engine;

/// <summary>
/// What a host that reads the raw bytes of an HTTP/1.1 connection learned about its requests' framing, kept in the
/// connection's items (<see cref="Key"/>). Requests on a connection are numbered in order, so the engine can tell
/// which one had the bad header even when the ones after it arrived in the same read.
/// </summary>
internal sealed class ConnectionFraming
{
    public const string Key = "FunctionGateway.ConnectionFraming";

    private long _started;
    private long _badContentLength = -1;

    /// <summary>Records the 0-based number of the request whose Content-Length is not digits alone.</summary>
    public void MarkBadContentLength(long request) => Interlocked.CompareExchange(ref _badContentLength, request, -1);

    /// <summary>Counts a request the engine starts; true when it is the one with the bad Content-Length.</summary>
    public bool NextHasBadContentLength() => Interlocked.Increment(ref _started) - 1 == Interlocked.Read(ref _badContentLength);
}
