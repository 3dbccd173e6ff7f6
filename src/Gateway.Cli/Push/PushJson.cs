using System.Text.Json;

namespace FunctionGateway.Cli.Push;

/// <summary>
/// The JSON report of <c>gateway push --format json</c>: the members of <c>gateway validate --format json</c>, then
/// the blob, the outcome and what was compared and written. Members are only ever added, never renamed or removed.
/// </summary>
internal static class PushJson
{
    public static Task WriteAsync(TextWriter output, PushReport report) =>
        ValidationJson.WriteDocumentAsync(output, json =>
        {
            ValidationJson.WriteMembers(json, report.File, report.Check);
            json.WriteString("blob", report.Blob);
            json.WriteString("outcome", report.Outcome == PushOutcome.DryRun ? "dry-run" : report.Outcome.ToString().ToLowerInvariant());
            json.WriteStringOrNull("rollbackTo", report.RollbackTo);
            if (report.Current is { } current)
            {
                json.WriteStartObject("current");
                json.WriteString("etag", current.Tag);
                json.WriteStringOrNull("versionId", current.VersionId);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("current");
            }

            if (report.Diff is { } diff)
            {
                DiffJson.Write(json, "changes", diff);
            }
            else
            {
                json.WriteNull("changes");
            }

            if (report.Upload is { } upload)
            {
                json.WriteStartObject("uploaded");
                json.WriteString("etag", upload.Tag);
                json.WriteStringOrNull("versionId", upload.VersionId);
                json.WriteStringOrNull("previousSnapshot", upload.PreviousSnapshot);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("uploaded");
            }

            if (report.Conflict is { } conflict)
            {
                json.WriteStartObject("conflict");
                json.WriteStringOrNull("expectedEtag", conflict.ExpectedTag);
                json.WriteStringOrNull("currentEtag", conflict.CurrentTag);
                json.WriteString("message", conflict.Message);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("conflict");
            }
        });
}
