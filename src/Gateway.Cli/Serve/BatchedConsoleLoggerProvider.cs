using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Cli.Serve;

/// <summary>The console logger of <c>gateway serve</c>: standard output, written in batches (see <see cref="LogLineWriter"/>).</summary>
[ProviderAlias("Console")]
internal sealed class BatchedConsoleLoggerProvider(TimeProvider time) : ILoggerProvider
{
    private readonly TimeProvider _time = time;
    private readonly LogLineWriter _writer = new(Console.OpenStandardOutput());
    private readonly ConcurrentDictionary<string, BatchedConsoleLogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, self) => new BatchedConsoleLogger(name, self._writer, self._time), this);

    public void Dispose() => _writer.Dispose();
}
