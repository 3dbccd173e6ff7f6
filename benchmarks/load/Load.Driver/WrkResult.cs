using System.Text.Json.Serialization;

namespace FunctionGateway.Load.Driver;

/// <summary>What the <c>done</c> hook of <c>report.lua</c> prints. Latencies in microseconds.</summary>
internal sealed record WrkResult(
    [property: JsonPropertyName("requests")] long Requests,
    [property: JsonPropertyName("duration_us")] long DurationUs,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("errors")] WrkErrors Errors,
    [property: JsonPropertyName("latency_us")] WrkLatency LatencyUs)
{
    public double RequestsPerSecond => DurationUs == 0 ? 0 : Requests * 1_000_000.0 / DurationUs;

    /// <summary>Responses with a status of 400 or more, plus every socket error (connect, read, write, timeout).</summary>
    public long ErrorCount => Errors.Status + Errors.Connect + Errors.Read + Errors.Write + Errors.Timeout;
}
