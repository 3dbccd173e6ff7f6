using System.Diagnostics;
using FunctionGateway.Errors;
using FunctionGateway.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using FunctionGateway.Model;

namespace FunctionGateway.Engine;

/// <summary>
/// The gateway's request path, as three steps a host calls in order: <see cref="MatchAsync"/>,
/// <see cref="AuthorizeAsync"/>, <see cref="DispatchAsync"/>. A step that returns false has written the
/// response (404, 401, 429, preflight...) and the host stops there. In order: match, CORS preflight, the
/// route's <c>before_auth</c> rate limits, the token, the route's other rate limits, dispatch.
/// </summary>
public sealed class GatewayEngine
{
    private readonly IGatewayRuntimeProvider _runtimes;
    private readonly ILogger _logger;
    private readonly IGatewayStatusEndpoint? _status;
    private readonly RateLimitStep? _limits;

    // The reason last logged for answering 503: every request gets the 503, the log the reason once per change.
    private string? _loggedUnavailableReason;

    // One delegate for every request, its state the request itself: the log line costs no allocation of its own to schedule.
    private readonly Func<object, Task> _logCompleted;

    // Internal: hosts get the engine from AddGatewayEngine, which builds it with the engine's own services.
    // Without a rate limit step (gateway explain's probe), routes' limits are not counted.
    internal GatewayEngine(IGatewayRuntimeProvider runtimes, ILogger<GatewayEngine> logger, IGatewayStatusEndpoint? status = null,
        RateLimitStep? limits = null)
    {
        _runtimes = runtimes;
        _logger = logger;
        _status = status;
        _limits = limits;
        _logCompleted = state => LogCompleted((HttpContext)state, logger);
    }

    /// <summary>
    /// Step 1: takes the current config snapshot, applies CORS, answers preflights, and matches the route.
    /// The match is stored on the request (<see cref="GatewayRequestFeature"/>) for the next steps.
    /// </summary>
    public async ValueTask<bool> MatchAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // First, for every request: a host that follows the connection's framing counts requests here.
        var framingValid = ContentLengthCheck.IsValid(context);
        if (_status is not null && _status.Handles(context.Request))
        {
            await _status.WriteAsync(context);
            return false;
        }

        var runtime = _runtimes.Current ?? await WaitForFirstLoadAsync(context.RequestAborted);
        if (runtime is null)
        {
            var reason = _runtimes.UnavailableReason ?? "no config loaded";
            if (!string.Equals(Interlocked.Exchange(ref _loggedUnavailableReason, reason), reason, StringComparison.Ordinal))
            {
                GatewayLog.ConfigUnavailable(_logger, reason);
            }

            await ErrorWriter.WriteAsync(context, GatewayErrors.ConfigUnavailable, reason);
            return false;
        }

        var feature = new GatewayRequestFeature(runtime, Stopwatch.GetTimestamp());
        context.Features.Set(feature);
        if (_logger.IsEnabled(LogLevel.Information) || GatewayActivityTags.Recorded(context) is not null)
        {
            // Registered only when the line will be written or the span recorded: with both off, a request pays nothing for them.
            context.Response.OnCompleted(_logCompleted, context);
        }

        var request = context.Request;
        if (runtime.Cors is { } cors)
        {
            feature.CorsResult = cors.Evaluate(request);
            cors.Apply(feature.CorsResult, context.Response.Headers);
        }

        if (!framingValid)
        {
            // The body's end is in dispute: the connection is not reused for another request.
            context.Response.Headers.Connection = "close";
            return await FailAsync(context, feature, GatewayErrors.BadContentLength);
        }

        if (!RequestPathCheck.IsSafe(context))
        {
            return await FailAsync(context, feature, GatewayErrors.BadPath);
        }

        var path = request.Path.Value ?? "/";
        var match = runtime.Routes.Match(request.Method, path.Length == 0 ? "/" : path);
        if (runtime.Cors is not null && feature.CorsResult.IsPreflight && match?.Route.Config.Method != "OPTIONS")
        {
            // A preflight is the gateway's to answer, before any token is asked for, unless a route claims OPTIONS.
            // Other OPTIONS requests are routed like any method, so an ANY route gets them.
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return false;
        }

        if (match is null)
        {
            return await FailAsync(context, feature, GatewayErrors.NoMatch);
        }

        feature.Match = match;
        return true;
    }

    /// <summary>
    /// Step 2: counts the route's <c>before_auth</c> rate limits, checks the token of a protected route, then
    /// counts the route's other rate limits; answers 429, 401, 403, 400 or 503 itself when one of them refuses.
    /// The token comes before the limits keyed by it, so that requests without a valid token cannot spend a user's budget.
    /// </summary>
    public async ValueTask<bool> AuthorizeAsync(HttpContext context)
    {
        var feature = GatewayRequestFeature.Get(context);
        var route = feature.Match?.Route ?? throw new InvalidOperationException("AuthorizeAsync was called for a request that matched no route.");
        if (_limits is not null && route.BeforeAuthPolicies.Length > 0
            && !await _limits.ApplyAsync(context, feature, route.BeforeAuthPolicies, null))
        {
            return false;
        }

        if (route.Authorizer is null)
        {
            return await LimitAsync(context, feature, route);
        }

        var outcome = await route.Authorizer.AuthorizeAsync(context.Request);
        if (outcome.Succeeded)
        {
            feature.Claims = outcome.Claims;
            return await LimitAsync(context, feature, route);
        }

        var error = outcome.Error!;
        GatewayLog.TokenRejected(_logger, route, error.Code, outcome.Reason!);
        context.Response.Headers[HeaderNames.WWWAuthenticate] = Challenge.Bearer(outcome);
        await FailAsync(context, feature, error);
        return false;
    }

    // The token (if any) has been accepted: the log says so even when a limit then refuses the request.
    private async ValueTask<bool> LimitAsync(HttpContext context, GatewayRequestFeature feature, Model.GatewayRoute route)
    {
        feature.Authorized = true;
        return _limits is null || route.Policies.Length == 0 || await _limits.ApplyAsync(context, feature, route.Policies, feature.Claims);
    }

    /// <summary>Step 3: runs the matched route's integration. Refuses a request the authorize step has not let through.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "One of the engine's three steps: hosts call them on the same instance.")]
    public Task DispatchAsync(HttpContext context)
    {
        var feature = GatewayRequestFeature.Get(context);
        if (feature.Match is null || !feature.Authorized || feature.Error is not null)
        {
            throw new InvalidOperationException("DispatchAsync needs a request that MatchAsync matched and AuthorizeAsync let through.");
        }

        return feature.Match.Route.Integration.InvokeAsync(context, feature);
    }

    // A request that arrives while the first config is loading (the request that woke a cold instance) waits
    // for that load rather than getting a 503; the holder ends the wait when the load fails or its bound is over.
    private async Task<Model.GatewayRuntime?> WaitForFirstLoadAsync(CancellationToken requestAborted)
    {
        try
        {
            await _runtimes.FirstLoad.WaitAsync(requestAborted);
        }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
        {
            // The client has gone; the 503 below is written to no one.
        }

        return _runtimes.Current;
    }

    private static async ValueTask<bool> FailAsync(HttpContext context, GatewayRequestFeature feature, GatewayError error)
    {
        feature.Error = error;
        await ErrorWriter.WriteAsync(context, error);
        return false;
    }

    private static Task LogCompleted(HttpContext context, ILogger log)
    {
        var feature = GatewayRequestFeature.Get(context);
        if (GatewayActivityTags.Recorded(context) is { } activity)
        {
            GatewayActivityTags.Write(activity, context, feature);
        }

        if (!log.IsEnabled(LogLevel.Information))
        {
            return Task.CompletedTask;
        }

        var elapsed = Stopwatch.GetElapsedTime(feature.StartTimestamp).TotalMilliseconds;
        var route = feature.Match?.Route.ToString() ?? "-";
        var auth = feature.Match?.Route.RequiresAuth == true
            ? feature.Authorized ? "ok" : feature.Error?.Code ?? "-"
            : "none";
        GatewayLog.Request(log, context.Request.Method, context.Request.Path.Value ?? "/", route, context.Response.StatusCode, elapsed, auth);
        return Task.CompletedTask;
    }
}
