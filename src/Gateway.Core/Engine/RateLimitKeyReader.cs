using System.Text.Json;
using FunctionGateway.Mapping;
using FunctionGateway.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Engine;

/// <summary>Reads a rate limit policy's key from a request: the claim, the header, the client's address or the constant.</summary>
public static class RateLimitKeyReader
{
    /// <summary>The request's key, or null when the request has none (no such claim, no such header, an empty value).</summary>
    public static string? Read(RateLimitKey key, HttpContext context, JsonElement? claims)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(context);
        string? value = key.Source switch
        {
            RateLimitKeySource.Constant => key.Name,
            RateLimitKeySource.Header => context.Request.Headers.TryGetValue(key.Name, out var values) && values.Count > 0 ? values.ToString() : null,
            // Strings as they are, numbers and booleans as JSON text: the same text a mapping of the claim sends.
            RateLimitKeySource.Claim => claims is { ValueKind: JsonValueKind.Object } payload && payload.TryGetProperty(key.Name, out var claim)
                ? RequestMappingValues.ClaimText(claim)
                : null,
            _ => ClientAddress.Of(context),
        };
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
