using System.Globalization;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Cli.Serve;

/// <summary>
/// The single-line format of the framework's simple console logger: <c>timestamp level: category[event] message</c>,
/// the timestamp as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.
/// </summary>
/// <remarks>
/// With one line per request this is the access log's hot path: the timestamp is written digit by digit (a custom
/// date format string is parsed again on every call and costs several times as much) and the line is one string.
/// </remarks>
internal static class ConsoleLogLine
{
    private const int TimestampLength = 24;

    public static string Format(DateTime utc, LogLevel level, string category, int eventId, string message)
    {
        var parts = (utc, Level: Level(level), category, EventId: eventId.ToString(CultureInfo.InvariantCulture), message);
        var length = TimestampLength + 1 + parts.Level.Length + 2 + category.Length + 1 + parts.EventId.Length + 2 + message.Length;
        return string.Create(length, parts, static (span, parts) =>
        {
            WriteTimestamp(span, parts.utc);
            var at = TimestampLength;
            Append(span, ref at, " ");
            Append(span, ref at, parts.Level);
            Append(span, ref at, ": ");
            Append(span, ref at, parts.category);
            Append(span, ref at, "[");
            Append(span, ref at, parts.EventId);
            Append(span, ref at, "] ");
            Append(span, ref at, parts.message);
        });
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

    private static void WriteTimestamp(Span<char> span, DateTime utc)
    {
        Digits(span[..4], utc.Year);
        span[4] = '-';
        Digits(span[5..7], utc.Month);
        span[7] = '-';
        Digits(span[8..10], utc.Day);
        span[10] = 'T';
        Digits(span[11..13], utc.Hour);
        span[13] = ':';
        Digits(span[14..16], utc.Minute);
        span[16] = ':';
        Digits(span[17..19], utc.Second);
        span[19] = '.';
        Digits(span[20..23], utc.Millisecond);
        span[23] = 'Z';
    }

    private static void Digits(Span<char> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static void Append(Span<char> span, ref int at, string text)
    {
        text.CopyTo(span[at..]);
        at += text.Length;
    }
}
