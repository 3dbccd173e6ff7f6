using System.Text.Json;
using FunctionGateway.Model;
using FunctionGateway.Routing;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Mapping;

/// <summary>Mapping values read from the client's request, the route it matched and the payload of its validated token.</summary>
public sealed class RequestMappingValues(HttpRequest request, JsonElement? claims, RouteMatch<GatewayRoute>? match = null) : IMappingValues
{
    public string? Header(string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    public string? Query(string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public string? RouteParameter(string name) => match?.GetParameter(name);

    public string? Claim(string name) =>
        claims is { ValueKind: JsonValueKind.Object } payload && payload.TryGetProperty(name, out var claim)
            ? ClaimText(claim)
            : null;

    /// <summary>Strings as they are, numbers and booleans as JSON text, arrays of those joined with commas.</summary>
    internal static string? ClaimText(JsonElement claim) => claim.ValueKind switch
    {
        JsonValueKind.String => claim.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Object => claim.GetRawText(),
        JsonValueKind.Array => string.Join(',', claim.EnumerateArray().Select(ClaimText).OfType<string>()),
        _ => null,
    };
}
