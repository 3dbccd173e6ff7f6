using FunctionGateway.Azure.Sources;
using FunctionGateway.Cli.Commands;
using FunctionGateway.Configuration.Validation;
using FunctionGateway.Configuration;
using FunctionGateway.Sources;
using FunctionGateway.Tooling.Inspection;

namespace FunctionGateway.Cli.Push;

/// <summary>
/// The steps of <c>gateway push</c>: check the config as the gateway will, read the blob's current version, compare
/// the two for review, and write only over the version compared against. A rollback is the same steps with the
/// version before the current one as the config.
/// </summary>
internal sealed class ConfigPush(ConfigBlobWriter blob, PushOptions options)
{
    /// <exception cref="CommandInputException">A setting is unusable.</exception>
    /// <exception cref="ConfigSourceException">The blob cannot be read or written.</exception>
    public async Task<PushReport> PushAsync(string file, string text, CancellationToken cancellationToken)
    {
        var (check, secretSource) = await ConfigTextCheck.RunAsync(text, options.Resolve, options.Host, options.Settings, cancellationToken);
        var report = new PushReport { File = file, Blob = blob.Name, Check = check, SecretSource = secretSource, Outcome = PushOutcome.Refused };
        if (!check.IsValid)
        {
            return report;
        }

        var current = await blob.ReadCurrentAsync(cancellationToken);
        if (current is not null && options.IfAbsent)
        {
            return report with { Current = current, Outcome = PushOutcome.Exists };
        }

        return await WriteAsync(report with { Current = current }, text, cancellationToken);
    }

    /// <summary>Restores the version before the current one; null when the blob keeps none.</summary>
    /// <exception cref="CommandInputException">The blob does not exist.</exception>
    /// <exception cref="ConfigSourceException">The blob cannot be read or written.</exception>
    public async Task<PushReport?> RollbackAsync(CancellationToken cancellationToken)
    {
        var current = await blob.ReadCurrentAsync(cancellationToken)
            ?? throw new CommandInputException($"{blob.Name} does not exist: there is nothing to roll back");
        if (await blob.FindPreviousAsync(current, cancellationToken) is not { } previous)
        {
            return null;
        }

        var (check, secretSource) = await ConfigTextCheck.RunAsync(previous.Text, options.Resolve, options.Host, options.Settings, cancellationToken);
        var report = new PushReport
        {
            File = previous.Label,
            Blob = blob.Name,
            Check = check,
            SecretSource = secretSource,
            Current = current,
            RollbackTo = previous.Label,
            Outcome = PushOutcome.Refused,
        };
        return check.IsValid ? await WriteAsync(report, previous.Text, cancellationToken) : report;
    }

    private async Task<PushReport> WriteAsync(PushReport report, string text, CancellationToken cancellationToken)
    {
        report = Compare(report);
        if (report.Current?.Text == text)
        {
            return report with { Outcome = PushOutcome.Unchanged };
        }

        if (options.DryRun)
        {
            return report with { Outcome = PushOutcome.DryRun };
        }

        try
        {
            return report with { Outcome = PushOutcome.Uploaded, Upload = await blob.UploadAsync(text, report.Current, cancellationToken) };
        }
        catch (ConfigBlobConflictException conflict)
        {
            return report with { Outcome = PushOutcome.Conflict, Conflict = conflict };
        }
    }

    // A new blob is compared with an empty config, so every route shows as added.
    private static PushReport Compare(PushReport report)
    {
        var before = report.Current is null ? new GatewayConfig() : ConfigChecker.CheckUnresolved(report.Current.Text).Config;
        return before is null
            ? report with { DiffNote = "the blob's current version is not a JSON object, so there is nothing to compare with" }
            : report with { Diff = ConfigDiff.Compare(before, report.Check.Config!) };
    }
}
