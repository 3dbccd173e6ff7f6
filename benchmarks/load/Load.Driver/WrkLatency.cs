using System.Text.Json.Serialization;

namespace FunctionGateway.Load.Driver;

/// <summary>Latency percentiles from wrk's histogram, in microseconds.</summary>
internal sealed record WrkLatency(
    [property: JsonPropertyName("p50")] long P50,
    [property: JsonPropertyName("p90")] long P90,
    [property: JsonPropertyName("p99")] long P99,
    [property: JsonPropertyName("max")] long Max,
    [property: JsonPropertyName("mean")] double Mean);
