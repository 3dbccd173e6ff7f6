using Microsoft.Extensions.Logging;

namespace FunctionGateway.Redis;

/// <summary>The Redis store's log lines: endpoints only, never a password or a token.</summary>
internal static partial class RedisLog
{
    [LoggerMessage(EventId = 70, Level = LogLevel.Information, Message = "Rate limit counters are shared in Redis at {Endpoints} ({Authentication})")]
    public static partial void Using(ILogger logger, string endpoints, string authentication);

    [LoggerMessage(EventId = 71, Level = LogLevel.Warning, Message = "Redis at {Endpoints}: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string endpoints, string reason);

    [LoggerMessage(EventId = 72, Level = LogLevel.Warning, Message = "Redis at {Endpoints}: the Microsoft Entra token could not be renewed: {Reason}")]
    public static partial void TokenRefreshFailed(ILogger logger, string endpoints, string reason);

    [LoggerMessage(EventId = 73, Level = LogLevel.Error, Message = "Rate limit store: {Problem}")]
    public static partial void BadSettings(ILogger logger, string problem);
}
