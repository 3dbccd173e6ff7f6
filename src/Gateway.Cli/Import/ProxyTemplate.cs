using System.Text;
using System.Text.RegularExpressions;

namespace FunctionGateway.Cli.Import;

/// <summary>
/// Splits a proxies.json value into literal text, <c>%AppSetting%</c> names and <c>{reference}</c>s, with
/// <c>{{</c> and <c>}}</c> standing for literal braces as in Azure Functions Proxies.
/// </summary>
internal static partial class ProxyTemplate
{
    // Letters first: '%2F' and '%20' in a URL are escapes, not settings.
    [GeneratedRegex(@"\G%([A-Za-z_][A-Za-z0-9_.:\-]*)%", RegexOptions.CultureInvariant)]
    private static partial Regex AppSettingPattern();

    public static List<ProxyToken> Parse(string text)
    {
        var tokens = new List<ProxyToken>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if ((ch == '{' || ch == '}') && i + 1 < text.Length && text[i + 1] == ch)
            {
                literal.Append(ch);
                i++;
            }
            else if (ch == '{' && text.IndexOf('}', i + 1) is var end and > 0 && text.IndexOf('{', i + 1, end - i - 1) < 0)
            {
                Flush(literal, tokens);
                tokens.Add(new ProxyToken(ProxyTokenKind.Reference, text[(i + 1)..end]));
                i = end;
            }
            else if (ch == '%' && AppSettingPattern().Match(text, i) is { Success: true } setting && !IsEscape(setting.Groups[1].Value))
            {
                Flush(literal, tokens);
                tokens.Add(new ProxyToken(ProxyTokenKind.AppSetting, setting.Groups[1].Value));
                i += setting.Length - 1;
            }
            else
            {
                literal.Append(ch);
            }
        }

        Flush(literal, tokens);
        return tokens;
    }

    // '%C3%A9' would otherwise read as the setting 'C3'.
    private static bool IsEscape(string name) => name.Length == 2 && Uri.IsHexDigit(name[0]) && Uri.IsHexDigit(name[1]);

    private static void Flush(StringBuilder literal, List<ProxyToken> tokens)
    {
        if (literal.Length > 0)
        {
            tokens.Add(new ProxyToken(ProxyTokenKind.Literal, literal.ToString()));
            literal.Clear();
        }
    }
}
