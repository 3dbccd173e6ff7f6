using System.Text.Json;
using FunctionGateway.Engine;
using FunctionGateway.Model;
using FunctionGateway.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>
/// Which rate limits a request is counted against, and under which key. Explaining counts nothing, and never
/// shows a key's value: a header may carry a credential.
/// </summary>
internal static class RateLimitDiagnosis
{
    public static IReadOnlyList<string> Describe(GatewayRoute route, HttpContext request, JsonElement? claims) =>
    [
        .. route.BeforeAuthLimits.Select(p => Line(p, request, null, "counted before the token is checked")),
        .. route.Limits.Select(p => Line(p, request, claims, route.RequiresAuth ? "counted once the token is accepted" : "counted on every request")),
    ];

    private static string Line(RateLimitPolicy policy, HttpContext request, JsonElement? claims, string when)
    {
        var key = policy.Key.Source switch
        {
            RateLimitKeySource.Constant => "one counter for every request",
            // Explaining has no client connection: the address is the one the gateway will see.
            RateLimitKeySource.ClientAddress => $"keyed by {policy.Key.Expression}",
            _ => RateLimitKeyReader.Read(policy.Key, request, claims) is not null
                ? $"keyed by {policy.Key.Expression} (present)"
                : policy.RejectMissingKey
                    ? $"keyed by {policy.Key.Expression}, which this request lacks: refused with 400 ERR_RATE_LIMIT_KEY_MISSING"
                    : $"keyed by {policy.Key.Expression}, which this request lacks: counted under the key shared by all such requests",
        };
        return $"{policy.Name}: {policy.Description}, {when}, {key}";
    }
}
