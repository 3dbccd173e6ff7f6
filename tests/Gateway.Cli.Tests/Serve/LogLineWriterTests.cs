using System.Text;
using FunctionGateway.Cli.Serve;

namespace FunctionGateway.Cli.Tests.Serve;

public class LogLineWriterTests
{
    [Fact]
    public void Dispose_AfterWrites_EveryLineWrittenInOrder()
    {
        var output = new MemoryStream();
        var writer = new LogLineWriter(output);
        for (var i = 0; i < 1000; i++)
        {
            writer.Write($"line {i}");
        }

        writer.Dispose();

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"line {i}"), lines.Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void Write_OutputBlockedAndQueueFull_DropsAndReportsTheCount()
    {
        var output = new BlockingStream();
        var writer = new LogLineWriter(output);
        writer.Write("first");
        Assert.True(output.Entered.Wait(TimeSpan.FromSeconds(10)), "the writer never wrote its first batch");

        for (var i = 0; i < LogLineWriter.Capacity + 3; i++)
        {
            writer.Write("queued");
        }

        output.Release.Set();
        writer.Dispose();

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("first", lines[0].TrimEnd('\r'));
        Assert.Equal(LogLineWriter.Capacity, lines.Count(l => l.TrimEnd('\r') == "queued"));
        Assert.Contains("3 log line(s) dropped: the output could not keep up.", lines.Select(l => l.TrimEnd('\r')));
    }

    // Holds the writer's first write until the test releases it, so that the queue behind it fills up.
    private sealed class BlockingStream : MemoryStream
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Hold();
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Hold();
            base.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        private void Hold()
        {
            Entered.Set();
            Release.Wait(TimeSpan.FromSeconds(30));
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Entered.Dispose();
                Release.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
