using FunctionGateway.Cli.Serve;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Cli.Tests.Serve;

public class ConsoleLogLineTests
{
    [Theory]
    [InlineData(LogLevel.Trace, "trce")]
    [InlineData(LogLevel.Debug, "dbug")]
    [InlineData(LogLevel.Information, "info")]
    [InlineData(LogLevel.Warning, "warn")]
    [InlineData(LogLevel.Error, "fail")]
    [InlineData(LogLevel.Critical, "crit")]
    public void Format_EachLevel_WritesItsFourLetterName(LogLevel level, string name)
    {
        var line = ConsoleLogLine.Format(new DateTime(2026, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc), level, "Cat", 7, "msg");

        Assert.Equal($"2026-12-31T23:59:59.999Z {name}: Cat[7] msg", line);
    }

    [Fact]
    public void Format_SmallFields_PadsEveryOneWithZeros()
    {
        var line = ConsoleLogLine.Format(new DateTime(2027, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc), LogLevel.Information, "C", 0, "");

        Assert.Equal("2027-01-02T03:04:05.006Z info: C[0] ", line);
    }

    [Fact]
    public void Format_AnyInstant_MatchesTheCustomFormatString()
    {
        // The format the framework's simple console logger would write with this timestamp format.
        var start = new DateTime(2026, 2, 28, 22, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 5000; i++)
        {
            var utc = start.AddMilliseconds(i * 7919.3);
            var expected = utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) + " warn: X[123] m";

            Assert.Equal(expected, ConsoleLogLine.Format(utc, LogLevel.Warning, "X", 123, "m"));
        }
    }
}
