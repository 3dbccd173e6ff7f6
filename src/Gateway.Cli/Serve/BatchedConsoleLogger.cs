using Microsoft.Extensions.Logging;

namespace FunctionGateway.Cli.Serve;

/// <summary>
/// One line per entry, in the single-line format of the framework's simple console logger
/// (<see cref="ConsoleLogLine"/>), handed to a <see cref="LogLineWriter"/>.
/// </summary>
internal sealed class BatchedConsoleLogger(string category, LogLineWriter writer, TimeProvider time) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = ConsoleLogLine.Format(time.GetUtcNow().UtcDateTime, logLevel, category, eventId.Id, formatter(state, exception));
        writer.Write(exception is null ? line : $"{line}{Environment.NewLine}{exception}");
    }
}
