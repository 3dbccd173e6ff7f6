using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Azure.Tests.Hosting;

/// <summary>Keeps every log line, so tests can check what an operator would read.</summary>
internal sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector collector) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            collector.Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
