using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace FunctionGateway.Integrations;

internal static partial class ForwarderLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Warning,
        Message = "Forwarding to server '{Server}' failed: {Error} ({ExceptionType}: {ExceptionMessage})")]
    public static partial void Failed(ILogger logger, string server, ForwarderError error, string? exceptionType, string? exceptionMessage);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information,
        Message = "Not forwarded on {Route}: the value mapped to header '{Header}' holds control or non-ASCII characters")]
    public static partial void MappedValueRejected(ILogger logger, Model.GatewayRoute route, string header);
}
