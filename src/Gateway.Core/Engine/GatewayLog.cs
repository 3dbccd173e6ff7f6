using Microsoft.Extensions.Logging;

namespace FunctionGateway.Engine;

/// <summary>The engine's log lines. Never a token, a secret or a query string in any of them.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "{Method} {Path} route={Route} status={Status} duration_ms={DurationMs:F1} auth={AuthOutcome}")]
    public static partial void Request(ILogger logger, string method, string path, string route, int status, double durationMs, string authOutcome);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Token rejected on {Route}: {Code}: {Reason}")]
    public static partial void TokenRejected(ILogger logger, Model.GatewayRoute route, string code, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "No config to serve: {Reason}")]
    public static partial void ConfigUnavailable(ILogger logger, string reason);
}
