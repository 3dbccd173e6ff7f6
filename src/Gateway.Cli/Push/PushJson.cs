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
            json.WriteObjectOrNull("current", report.Current, static (json, current) =>
            {
                json.WriteString("etag", current.Tag);
                json.WriteStringOrNull("versionId", current.VersionId);
            });
            if (report.Diff is { } diff)
            {
                DiffJson.Write(json, "changes", diff);
            }
            else
            {
                json.WriteNull("changes");
            }

            json.WriteObjectOrNull("uploaded", report.Upload, static (json, upload) =>
            {
                json.WriteString("etag", upload.Tag);
                json.WriteStringOrNull("versionId", upload.VersionId);
                json.WriteStringOrNull("previousSnapshot", upload.PreviousSnapshot);
            });
            json.WriteObjectOrNull("conflict", report.Conflict, static (json, conflict) =>
            {
                json.WriteStringOrNull("expectedEtag", conflict.ExpectedTag);
                json.WriteStringOrNull("currentEtag", conflict.CurrentTag);
                json.WriteString("message", conflict.Message);
            });
        });
}
