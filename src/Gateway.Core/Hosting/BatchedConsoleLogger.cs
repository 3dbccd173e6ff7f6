using System.Globalization;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Hosting;

/// <summary>
/// One line per entry, in the single-line format of the framework's simple console logger
/// (<c>timestamp level: category[event] message</c>), handed to a <see cref="LogLineWriter"/>.
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

        var message = formatter(state, exception);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{time.GetUtcNow().UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {Level(logLevel)}: {category}[{eventId.Id}] {message}");
        writer.Write(exception is null ? line : $"{line}{Environment.NewLine}{exception}");
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
