using System.Globalization;
using System.Text.Json;
using FunctionGateway.Errors;
using FunctionGateway.Model;
using FunctionGateway.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace FunctionGateway.Engine;

/// <summary>
/// Counts a request against a route's policies and answers for it when one refuses: 429 with Retry-After,
/// 400 for a missing key the policy rejects, 503 when the shared store is down and the policy fails closed.
/// Allowed requests get the RateLimit headers (draft-ietf-httpapi-ratelimit-headers) of the policies that send them.
/// </summary>
internal sealed class RateLimitStep
{
    public const string RateLimitHeader = "RateLimit";
    public const string RateLimitPolicyHeader = "RateLimit-Policy";

    // The key requests without one share, under a policy whose on_missing_key is 'shared'. Real keys are never
    // empty (an empty value counts as missing), so it cannot collide with one.
    internal const string MissingKey = "";

    private readonly IRateLimitStore _store;
    private readonly MemoryRateLimitStore _local;
    private readonly ILogger _logger;
    private int _storeDown;

    public RateLimitStep(IRateLimitStore store, MemoryRateLimitStore local, ILogger<RateLimitStep> logger)
    {
        _store = store;
        _local = local;
        _logger = logger;
    }

    public IRateLimitStore Store => _store;

    /// <summary>Counts the request under each policy; false when the response has been written (429, 400, 503).</summary>
    public async ValueTask<bool> ApplyAsync(HttpContext context, GatewayRequestFeature feature, RateLimitPolicy[] policies, JsonElement? claims)
    {
        // Every key first: a request refused for a missing key is counted under none of the policies.
        var keys = new string[policies.Length];
        for (var i = 0; i < policies.Length; i++)
        {
            var policy = policies[i];
            var key = RateLimitKeyReader.Read(policy.Key, context, claims);
            if (key is null && policy.RejectMissingKey)
            {
                return await FailAsync(context, feature, GatewayErrors.RateLimitKeyMissing,
                    $"policy '{policy.Name}' counts requests by {policy.Key.Expression}, which this request does not carry");
            }

            keys[i] = key ?? MissingKey;
        }

        var decisions = new RateLimitDecision[policies.Length];
        if (policies.Length == 1)
        {
            decisions[0] = await AcquireAsync(policies[0], keys[0], context.RequestAborted);
        }
        else
        {
            // Started together, a shared store's checks travel in one pipelined round trip.
            var pending = new Task<RateLimitDecision>[policies.Length];
            for (var i = 0; i < policies.Length; i++)
            {
                pending[i] = AcquireAsync(policies[i], keys[i], context.RequestAborted).AsTask();
            }

            for (var i = 0; i < pending.Length; i++)
            {
                decisions[i] = await pending[i];
            }
        }

        RateLimitPolicy? refused = null;
        var retryAfter = 0L;
        for (var i = 0; i < policies.Length; i++)
        {
            if (decisions[i].StoreUnavailable)
            {
                return await FailAsync(context, feature, GatewayErrors.RateLimitUnavailable,
                    $"policy '{policies[i].Name}' fails closed and the rate limit store '{_store.Name}' did not answer");
            }

            if (!decisions[i].Allowed && decisions[i].RetryAfterMilliseconds >= retryAfter)
            {
                refused = policies[i];
                retryAfter = decisions[i].RetryAfterMilliseconds;
            }
        }

        var headers = context.Response.Headers;
        WriteHeaders(headers, policies, decisions, all: refused is not null);
        if (refused is null)
        {
            return true;
        }

        var seconds = Math.Max(1, RateLimitDecision.Seconds(retryAfter));
        headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        RateLimitLog.Limited(_logger, feature.Match!.Route, refused.Name, refused.Description);
        return await FailAsync(context, feature, GatewayErrors.RateLimited,
            string.Create(CultureInfo.InvariantCulture, $"policy '{refused.Name}' allows {refused.Description}; retry after {seconds} s"));
    }

    private async ValueTask<RateLimitDecision> AcquireAsync(RateLimitPolicy policy, string key, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(_store, _local))
        {
            return _local.Acquire(policy, key);
        }

        try
        {
            var decision = await _store.AcquireAsync(policy, key, cancellationToken);
            if (Volatile.Read(ref _storeDown) == 1 && Interlocked.Exchange(ref _storeDown, 0) == 1)
            {
                RateLimitLog.StoreRecovered(_logger, _store.Name);
            }

            return decision;
        }
        catch (RateLimitStoreException ex)
        {
            if (Interlocked.Exchange(ref _storeDown, 1) == 0)
            {
                RateLimitLog.StoreUnavailable(_logger, _store.Name, ex.Message);
            }

            // Fail open still limits: each instance counts on its own until the shared store is back.
            return policy.FailClosed ? RateLimitDecision.Unavailable : _local.Acquire(policy, key);
        }
    }

    private static void WriteHeaders(IHeaderDictionary headers, RateLimitPolicy[] policies, RateLimitDecision[] decisions, bool all)
    {
        string? limits = null;
        string? items = null;
        for (var i = 0; i < policies.Length; i++)
        {
            var policy = policies[i];
            if (!all && !policy.SendHeaders)
            {
                continue;
            }

            var item = string.Create(CultureInfo.InvariantCulture,
                $"\"{policy.Name}\";r={decisions[i].Remaining};t={RateLimitDecision.Seconds(decisions[i].ResetMilliseconds)}");
            limits = limits is null ? item : $"{limits}, {item}";
            items = items is null ? policy.PolicyItem : $"{items}, {policy.PolicyItem}";
        }

        if (limits is not null)
        {
            // A route's policies before and after authorization are counted in two steps: both lists are kept.
            headers.Append(RateLimitHeader, limits);
            headers.Append(RateLimitPolicyHeader, items);
        }
    }

    private static async ValueTask<bool> FailAsync(HttpContext context, GatewayRequestFeature feature, Errors.GatewayError error, string detail)
    {
        feature.Error = error;
        await ErrorWriter.WriteAsync(context, error, detail);
        return false;
    }
}
