using System.Globalization;
using System.Text.RegularExpressions;

namespace FunctionGateway.Cli.Commands;

/// <summary>Parses the values of the operator commands' options; every failure says which option and what is expected.</summary>
internal static partial class CommandInput
{
    /// <summary><c>--at</c>: an ISO 8601 time (UTC unless it gives an offset) or Unix seconds.</summary>
    public static DateTimeOffset ParseTime(string option, string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253402300799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time)
            && text.Any(char.IsDigit) && text.Contains('-', StringComparison.Ordinal))
        {
            return time.ToUniversalTime();
        }

        throw new CommandInputException($"{option} '{text}' is not a time: give ISO 8601 such as 2026-03-06T10:00:00Z, or Unix seconds such as 1772791200");
    }

    /// <summary><c>--ttl</c>: <c>90s</c>, <c>15m</c>, <c>1h</c>, <c>2d</c>, combinations such as <c>1h30m</c>, or plain seconds.</summary>
    public static TimeSpan ParseDuration(string option, string text)
    {
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var plain) && plain is > 0 and <= MaxSeconds)
        {
            return TimeSpan.FromSeconds(plain);
        }

        var match = DurationPattern().Match(trimmed);
        if (match.Success && trimmed.Length > 0)
        {
            double total = 0;
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var unit = part.Value[^1];
                var number = double.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
                total += number * unit switch { 'd' => 86_400, 'h' => 3_600, 'm' => 60, _ => 1 };
            }

            if (total is > 0 and <= MaxSeconds)
            {
                return TimeSpan.FromSeconds(total);
            }
        }

        throw new CommandInputException($"{option} '{text}' is not a duration: give e.g. 90s, 15m, 1h, 1h30m, 7d or a number of seconds (above 0, at most 3650d)");
    }

    /// <summary>A <c>name:value</c> header or a <c>name=value</c> query parameter or cookie.</summary>
    public static KeyValuePair<string, string> ParsePair(string option, string text, char separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        var name = at < 0 ? "" : text[..at].Trim();
        if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            // The value may be a token: the message never echoes it.
            throw new CommandInputException($"{option}: expected NAME{separator}VALUE, got a value without '{separator}' or with an empty or invalid name");
        }

        return KeyValuePair.Create(name, text[(at + 1)..].Trim());
    }

    private const long MaxSeconds = 3650L * 86_400;

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?[smhd])+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
