using System.Globalization;
using System.Text.Json;
using FunctionGateway.Tooling.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace FunctionGateway.Cli.Commands;

/// <summary>
/// <see cref="Explanation"/> as the JSON document of <c>gateway explain --format json</c>, for scripts and CI. Same
/// conventions as <c>validate --format json</c>: camelCase members, every member always present (null when it does
/// not apply), members only ever added. Header, query and cookie values are never included, as in the text.
/// </summary>
internal static class ExplainJson
{
    public static Task WriteAsync(TextWriter output, Explanation explanation, bool clockGiven) =>
        ValidationJson.WriteDocumentAsync(output, json =>
        {
            Request(json, explanation);
            json.WriteString("clock", explanation.Clock.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteBoolean("clockGiven", clockGiven);
            json.WriteString("verdict", explanation.Verdict switch
            {
                ExplainVerdict.Allowed => "allowed",
                ExplainVerdict.Refused => "refused",
                _ => "undetermined",
            });
            Route(json, explanation);
            json.WriteStartArray("nearMisses");
            foreach (var miss in explanation.NearMisses)
            {
                json.WriteStartObject();
                json.WriteString("route", miss.Route);
                json.WriteNumber("index", miss.Index);
                json.WriteString("reason", miss.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("authorizers");
            foreach (var report in explanation.Authorizers)
            {
                json.WriteStartObject();
                json.WriteString("name", report.Name);
                json.WriteString("summary", report.Summary);
                Element(json, "tokenHeader", report.TokenHeader);
                Element(json, "tokenClaims", report.TokenClaims);
                Checks(json, "checks", report.Checks);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Checks(json, "claimRules", explanation.ClaimRules);
            Answer(json, explanation);
            json.WriteStrings("notes", explanation.Notes);
            json.WriteStrings("disagreements", explanation.Disagreements);
        });

    private static void Request(Utf8JsonWriter json, Explanation explanation)
    {
        var request = explanation.Request;
        var mark = request.Path.IndexOf('?', StringComparison.Ordinal);
        json.WriteStartObject("request");
        json.WriteString("method", request.Method);
        json.WriteString("path", mark < 0 ? request.Path : request.Path[..mark]);
        // Names only: a value may be the token.
        json.WriteStrings("headers", request.Headers.Select(h => h.Key));
        IEnumerable<string> inPath = mark < 0 ? [] : QueryHelpers.ParseQuery(request.Path[mark..]).Keys;
        json.WriteStrings("query", inPath.Concat(request.Query.Select(q => q.Key)));
        json.WriteStrings("cookies", request.Cookies.Select(c => c.Key));
        json.WriteStringOrNull("tokenPlacement", explanation.TokenPlacement);
        json.WriteEndObject();
    }

    private static void Route(Utf8JsonWriter json, Explanation explanation)
    {
        if (explanation.Route is null)
        {
            json.WriteNull("route");
            return;
        }

        json.WriteStartObject("route");
        json.WriteString("route", explanation.Route);
        json.WriteNumber("index", explanation.RouteIndex ?? -1);
        if (explanation.RouteAuthorizers is { } names)
        {
            json.WriteStrings("authorizers", names);
        }
        else
        {
            json.WriteNull("authorizers");
        }

        json.WriteStringOrNull("integration", explanation.Integration);
        json.WriteEndObject();
    }

    private static void Answer(Utf8JsonWriter json, Explanation explanation)
    {
        var answer = explanation.Answer;
        json.WriteStartObject("answer");
        json.WriteBoolean("passedThrough", answer.PassedThrough);
        json.WriteBoolean("exact", explanation.AnswerIsExact);
        if (answer.PassedThrough || !explanation.AnswerIsExact)
        {
            json.WriteNull("status");
        }
        else
        {
            json.WriteNumber("status", answer.Status);
        }

        json.WriteStringOrNull("code", explanation.AnswerIsExact ? answer.Error?.Code : null);
        json.WriteStringOrNull("wwwAuthenticate", explanation.AnswerIsExact ? answer.WwwAuthenticate : null);
        json.WriteStringOrNull("body", explanation.AnswerIsExact && answer.Body.Length > 0 ? answer.Body : null);
        json.WriteEndObject();
    }

    private static void Checks(Utf8JsonWriter json, string name, IEnumerable<CheckResult> checks)
    {
        json.WriteStartArray(name);
        foreach (var check in checks)
        {
            json.WriteStartObject();
            json.WriteString("name", check.Name);
            json.WriteString("status", check.Status switch
            {
                CheckStatus.Passed => "passed",
                CheckStatus.Failed => "failed",
                _ => "not-run",
            });
            json.WriteString("expected", check.Expected);
            json.WriteString("actual", check.Actual);
            json.WriteObjectOrNull("error", check.Error, static (json, error) =>
            {
                json.WriteNumber("status", error.Status);
                json.WriteString("code", error.Code);
            });

            json.WriteStringOrNull("note", check.Note);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Element(Utf8JsonWriter json, string name, JsonElement? value)
    {
        json.WritePropertyName(name);
        if (value is { } element)
        {
            element.WriteTo(json);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
