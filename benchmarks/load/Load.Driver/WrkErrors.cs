using System.Text.Json.Serialization;

namespace FunctionGateway.Load.Driver;

/// <summary>wrk's error counters; <see cref="Status"/> counts responses with a status of 400 or more.</summary>
internal sealed record WrkErrors(
    [property: JsonPropertyName("connect")] long Connect,
    [property: JsonPropertyName("read")] long Read,
    [property: JsonPropertyName("write")] long Write,
    [property: JsonPropertyName("status")] long Status,
    [property: JsonPropertyName("timeout")] long Timeout);
