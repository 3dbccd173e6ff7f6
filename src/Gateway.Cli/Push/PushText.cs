namespace FunctionGateway.Cli.Push;

/// <summary>
/// The text report of <c>gateway push</c>: the check (as <c>gateway validate</c> prints it), the version the change is
/// compared with, the review diff (as <c>gateway diff</c> prints it), then what was done. Refusals and conflicts go to stderr.
/// </summary>
internal static class PushText
{
    public static async Task WriteAsync(TextWriter output, TextWriter error, PushReport report)
    {
        if (report.RollbackTo is not null)
        {
            await output.WriteLineAsync($"rollback of {report.Blob} to its {report.RollbackTo}");
        }

        await ValidationText.WriteAsync(output, report.File, report.Check, report.SecretSource);
        if (report.Outcome == PushOutcome.Refused)
        {
            var errors = report.Check.Errors.Count();
            await error.WriteLineAsync($"refused: {report.File} would be rejected by the gateway ({errors} error{(errors == 1 ? "" : "s")} above); nothing uploaded");
            return;
        }

        await output.WriteLineAsync(report.Current is null
            ? $"{report.Blob}: does not exist yet"
            : $"{report.Blob}: current version ETag {report.Current.Tag}{(report.Current.VersionId is { } v ? $", version {v}" : "")}");
        if (report.Outcome == PushOutcome.Exists)
        {
            await output.WriteLineAsync("exists: --if-absent leaves it as it is; nothing uploaded");
            return;
        }

        if (report.Outcome == PushOutcome.Unchanged)
        {
            await output.WriteLineAsync("unchanged: the blob already holds exactly this config; nothing uploaded");
            return;
        }

        await WriteReviewAsync(output, report);
        await (report.Outcome switch
        {
            PushOutcome.DryRun => output.WriteLineAsync(report.Current is null
                ? "dry run: nothing uploaded (a push now creates the blob, unless someone else does first)"
                : $"dry run: nothing uploaded (a push now writes over ETag {report.Current.Tag} only)"),
            PushOutcome.Conflict => error.WriteLineAsync($"conflict: {report.Conflict!.Message}"),
            _ => output.WriteLineAsync(Uploaded(report)),
        });
    }

    private static async Task WriteReviewAsync(TextWriter output, PushReport report)
    {
        var target = report.RollbackTo ?? report.File;
        await output.WriteLineAsync(report.Current is null ? $"review ({target} as a new blob):" : $"review (current version -> {target}):");
        if (report.Diff is null)
        {
            await output.WriteLineAsync($"  no review diff: {report.DiffNote}");
        }
        else if (report.Diff.IsEmpty)
        {
            await output.WriteLineAsync("  no differences in routes, servers, CORS, authorizers or variables (the text differs only in layout, titles or descriptions)");
        }
        else
        {
            await DiffText.WriteAsync(output, report.Diff);
        }
    }

    private static string Uploaded(PushReport report)
    {
        var upload = report.Upload!;
        var from = report.Current is null ? "created" : $"ETag {report.Current.Tag} -> {upload.Tag}";
        var kept = upload.VersionId is { } version
            ? $"version {version}; the replaced version stays in the blob's version history"
            : upload.PreviousSnapshot is { } snapshot
                ? $"the replaced version is kept as snapshot {snapshot}"
                : "no earlier version to keep";
        return $"uploaded: {from} ({kept}); 'gateway push --rollback' restores the previous version. The gateway serves it from its next poll.";
    }
}
