using System.Text;
using System.Threading.Channels;

namespace FunctionGateway.Cli.Serve;

/// <summary>
/// Writes log lines to a stream from one background loop, a batch at a time: a request thread only queues its
/// line. The console logger of the framework wakes its writer thread and flushes once per line, which at tens of
/// thousands of requests a second costs a good part of a core; here a batch is one write.
/// </summary>
internal sealed class LogLineWriter : IDisposable
{
    /// <summary>Lines waiting to be written before new ones are dropped (and counted) rather than block a request.</summary>
    public const int Capacity = 50_000;

    // How long the loop lets lines gather after a write; the longest a line waits with the queue not full.
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(20);

    private readonly Channel<string> _lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly StreamWriter _output;
    private readonly Task _loop;
    private long _dropped;

    public LogLineWriter(Stream output)
    {
        _output = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024) { AutoFlush = false };
        _loop = Task.Run(WriteLoopAsync);
    }

    public void Write(string line)
    {
        if (!_lines.Writer.TryWrite(line))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Writes what is queued, then stops.</summary>
    public void Dispose()
    {
        _lines.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _output.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var reader = _lines.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var line))
            {
                await _output.WriteLineAsync(line);
            }

            if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
            {
                await _output.WriteLineAsync($"{dropped} log line(s) dropped: the output could not keep up.");
            }

            await _output.FlushAsync();
            if (!reader.Completion.IsCompleted)
            {
                await Task.Delay(BatchWindow);
            }
        }

        await _output.FlushAsync();
    }
}
