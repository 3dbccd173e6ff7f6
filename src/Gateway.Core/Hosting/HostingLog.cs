using Microsoft.Extensions.Logging;

namespace FunctionGateway.Hosting;

/// <summary>Config loading log lines. Errors name JSON locations and references, never a secret value.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information,
        Message = "Config loaded from {Source}: version {Tag}, {RouteCount} route(s)")]
    public static partial void ConfigLoaded(ILogger logger, string source, string tag, int routeCount);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error,
        Message = "Config version {Tag} from {Source} rejected, {Serving}: {Errors}")]
    public static partial void ConfigRejected(ILogger logger, string tag, string source, string serving, string errors);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Config source failed, {Serving}: {Cause}")]
    public static partial void SourceFailed(ILogger logger, string serving, string cause);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Config source {Source} readable again")]
    public static partial void SourceRecovered(ILogger logger, string source);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "Config check of {Source} failed unexpectedly; retrying at the next poll")]
    public static partial void CheckFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Config warning: {Location}: {Reason}")]
    public static partial void ConfigWarning(ILogger logger, string location, string reason);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error,
        Message = "The status endpoint {Path} is not served: {PathSetting} is set, but under Azure Functions the endpoint needs a key; set {KeySetting} and send it in the X-Gateway-Status-Key header")]
    public static partial void StatusEndpointNotServed(ILogger logger, string path, string pathSetting, string keySetting);

    [LoggerMessage(EventId = 108, Level = LogLevel.Error, Message = "The warning checks of the config from {Source} failed unexpectedly; the config is served all the same")]
    public static partial void LaterChecksFailed(ILogger logger, string source, Exception exception);
}
