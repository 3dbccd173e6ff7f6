using Microsoft.Extensions.Logging;

namespace FunctionGateway.Cli.Serve;

/// <summary>
/// The lines <c>gateway serve</c> writes in place of the host's own start and stop lines, which would say it is
/// listening before it knows whether the config file can be served.
/// </summary>
internal static partial class ServeLog
{
    public const string Category = "FunctionGateway.Cli.Serve";

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Now listening on: {Address}")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Shutting down")]
    public static partial void ShuttingDown(ILogger logger);
}
