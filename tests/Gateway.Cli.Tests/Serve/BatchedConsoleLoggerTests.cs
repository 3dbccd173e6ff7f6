using System.Text;
using FunctionGateway.Cli.Serve;
using FunctionGateway.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Cli.Tests.Serve;

public class BatchedConsoleLoggerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    [Fact]
    public void Log_Information_WritesOneLineInTheSimpleConsoleFormat()
    {
        var text = LogAndRead(logger => logger.Log(LogLevel.Information, new EventId(1), "GET /health status=200", null, (s, _) => s));

        Assert.Equal("2026-03-04T05:06:07.890Z info: FunctionGateway.Engine.GatewayEngine[1] GET /health status=200" + Environment.NewLine, text);
    }

    [Fact]
    public void Log_WarningWithException_AppendsTheExceptionAfterTheLine()
    {
        var text = LogAndRead(logger => logger.Log(LogLevel.Warning, new EventId(20), "forwarding failed",
            new InvalidOperationException("upstream closed"), (s, _) => s));

        Assert.StartsWith("2026-03-04T05:06:07.890Z warn: FunctionGateway.Engine.GatewayEngine[20] forwarding failed" + Environment.NewLine
            + "System.InvalidOperationException: upstream closed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void IsEnabled_None_False()
    {
        using var output = new MemoryStream();
        using var writer = new LogLineWriter(output);
        var logger = new BatchedConsoleLogger("c", writer, new FakeTimeProvider(Now));

        Assert.False(logger.IsEnabled(LogLevel.None));
        Assert.True(logger.IsEnabled(LogLevel.Trace));
    }

    private static string LogAndRead(Action<ILogger> log)
    {
        var output = new MemoryStream();
        var writer = new LogLineWriter(output);
        log(new BatchedConsoleLogger("FunctionGateway.Engine.GatewayEngine", writer, new FakeTimeProvider(Now)));
        writer.Dispose();
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
