using System.Text.Encodings.Web;
using System.Text.Json;
using FunctionGateway.Tooling.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace FunctionGateway.Cli.Commands;

/// <summary>
/// Prints an <see cref="Explanation"/> as plain text. Header, query and cookie values are never shown (they may hold
/// the token); the token appears only decoded; token-controlled text is stripped of control characters.
/// </summary>
internal static class ExplainPrinter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(TextWriter output, Explanation explanation, bool clockGiven)
    {
        var lines = new List<string>();
        var request = explanation.Request;
        var mark = request.Path.IndexOf('?', StringComparison.Ordinal);
        lines.Add($"Request   {request.Method} {(mark < 0 ? request.Path : request.Path[..mark])}");
        if (mark >= 0)
        {
            lines.AddRange(QueryHelpers.ParseQuery(request.Path[mark..]).Select(q => $"          query {q.Key} (value not shown)"));
        }

        lines.AddRange(request.Headers.Select(h => $"          header {h.Key} (value not shown)"));
        lines.AddRange(request.Query.Select(q => $"          query {q.Key} (value not shown)"));
        lines.AddRange(request.Cookies.Select(c => $"          cookie {c.Key} (value not shown)"));
        if (explanation.TokenPlacement is { } placement)
        {
            lines.Add($"          token sent in the {placement}");
        }

        lines.Add($"Clock     {TimeText(explanation.Clock)}{(clockGiven ? " (--at)" : " (now)")}");
        lines.Add("");
        Route(lines, explanation);
        foreach (var report in explanation.Authorizers)
        {
            lines.Add("");
            Authorizer(lines, report);
        }

        if (explanation.ClaimRules.Count > 0)
        {
            lines.Add("");
            lines.Add($"Claim rules of paths[{explanation.RouteIndex}].authorization");
            lines.AddRange(explanation.ClaimRules.SelectMany(Check));
        }

        lines.Add("");
        Outcome(lines, explanation);
        foreach (var line in lines)
        {
            await output.WriteLineAsync(Clean(line));
        }
    }

    private static void Route(List<string> lines, Explanation explanation)
    {
        if (explanation.Route is { } route)
        {
            var auth = explanation.RouteAuthorizers is { } names ? $"auth: {string.Join(" or ", names.Select(n => $"'{n}'"))}" : "public (no auth)";
            lines.Add($"Route     {route} (paths[{explanation.RouteIndex}]), {auth}");
            lines.Add($"          then {explanation.Integration}");
            lines.AddRange(explanation.RateLimits.Select((l, i) => $"{(i == 0 ? "Limits" : ""),-10}{l}"));
        }
        else
        {
            lines.Add("Route     none matches");
        }

        if (explanation.NearMisses.Count > 0)
        {
            lines.Add(explanation.Route is null ? "Nearest routes" : "Nearer misses");
            lines.AddRange(explanation.NearMisses.Select(m => $"  {m.Route} (paths[{m.Index}]): {m.Reason}"));
        }
    }

    private static void Authorizer(List<string> lines, AuthorizerReport report)
    {
        lines.Add($"Authorizer '{report.Name}': {report.Summary}");
        if (report.TokenHeader is { } header)
        {
            lines.Add($"  token header  {JsonSerializer.Serialize(header, Compact)}");
        }

        if (report.TokenClaims is { } claims)
        {
            lines.Add("  token claims");
            lines.AddRange(JsonSerializer.Serialize(claims, Indented).Split('\n').Select(l => "    " + l.TrimEnd('\r')));
        }

        lines.AddRange(report.Checks.SelectMany(Check));
    }

    private static IEnumerable<string> Check(CheckResult check)
    {
        var mark = check.Status switch
        {
            CheckStatus.Passed => "ok  ",
            CheckStatus.Failed when check.Error is null => "miss",
            CheckStatus.Failed => "FAIL",
            _ => "skip",
        };
        yield return $"  [{mark}] {check.Name,-13} expected {check.Expected}";
        yield return $"         {"",-13} actual   {check.Actual}" + (check.Error is { } error ? $"  -> {error.Status} {error.Code}" : "");
        if (check.Note is { } note)
        {
            yield return $"         {"",-13} note     {note}";
        }
    }

    private static void Outcome(List<string> lines, Explanation explanation)
    {
        var answer = explanation.Answer;
        var verdict = explanation.Verdict switch
        {
            ExplainVerdict.Allowed when answer.PassedThrough => $"let through to {explanation.Integration}",
            ExplainVerdict.Allowed => $"answered by the gateway: {answer.Status} {ReasonPhrases.GetReasonPhrase(answer.Status)}",
            ExplainVerdict.Refused when !explanation.AnswerIsExact => "refused (the exact answer needs the keys; see the notes)",
            ExplainVerdict.Refused => $"refused: {answer.Status} {answer.Error?.Code}",
            _ => "undetermined (see the notes)",
        };
        lines.Add($"Outcome   {verdict}");
        var failing = explanation.Authorizers.SelectMany(a => a.Checks).Concat(explanation.ClaimRules).FirstOrDefault(c => c.Error is not null);
        if (explanation.Verdict == ExplainVerdict.Refused && explanation.AnswerIsExact && failing is not null && ReferenceEquals(failing.Error, answer.Error))
        {
            lines.Add($"          first failing check: {failing.Name}");
        }

        if (!answer.PassedThrough && explanation.AnswerIsExact)
        {
            lines.Add($"  HTTP/1.1 {answer.Status} {ReasonPhrases.GetReasonPhrase(answer.Status)}");
            if (answer.WwwAuthenticate is { } challenge)
            {
                lines.Add($"  WWW-Authenticate: {challenge}");
            }

            if (answer.Body.Length > 0)
            {
                lines.Add($"  {answer.Body}");
            }
        }

        lines.AddRange(explanation.Notes.Select(n => $"Note      {n}"));
        if (explanation.Disagreements.Count > 0)
        {
            lines.Add("Warning   the check-by-check breakdown disagrees with the engine; the engine's answer above is what the gateway sends:");
            lines.AddRange(explanation.Disagreements.Select(d => $"  {d}"));
        }
    }

    private static string TimeText(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    // Token claims and names come from the request: never let them move the cursor or colour the terminal.
    private static string Clean(string line) => string.Create(line.Length, line, static (span, source) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = char.IsControl(source[i]) ? '?' : source[i];
        }
    });
}
