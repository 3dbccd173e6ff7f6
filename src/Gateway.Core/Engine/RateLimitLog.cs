using Microsoft.Extensions.Logging;

namespace FunctionGateway.Engine;

/// <summary>Rate limit log lines. Never a key's value: it may be a user's id or a client's header.</summary>
internal static partial class RateLimitLog
{
    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Rate limited on {Route}: policy '{Policy}' ({Limit})")]
    public static partial void Limited(ILogger logger, Model.GatewayRoute route, string policy, string limit);

    [LoggerMessage(EventId = 61, Level = LogLevel.Warning,
        Message = "Rate limit store '{Store}' is unavailable: {Reason}. Until it answers again, policies with on_store_error 'open' count on this instance only and 'closed' ones answer 503")]
    public static partial void StoreUnavailable(ILogger logger, string store, string reason);

    [LoggerMessage(EventId = 62, Level = LogLevel.Information, Message = "Rate limit store '{Store}' answers again; limits are shared by every instance")]
    public static partial void StoreRecovered(ILogger logger, string store);
}
