using FunctionGateway.Azure.Sources;
using FunctionGateway.Configuration;
using FunctionGateway.Sources;
using FunctionGateway.Tooling.Inspection;

namespace FunctionGateway.Cli.Push;

/// <summary>What one <c>gateway push</c> (or <c>--rollback</c>) checked, compared and did, for the text and JSON reports.</summary>
internal sealed record PushReport
{
    /// <summary>The file pushed, or for a rollback the previous version's label.</summary>
    public required string File { get; init; }

    /// <summary>The blob, as <c>blob 'https://…/gateway/gateway.json'</c>.</summary>
    public required string Blob { get; init; }

    public required ConfigCheck Check { get; init; }

    public string? SecretSource { get; init; }

    /// <summary>The version the change was compared against and written over; null when the blob did not exist (or was not read).</summary>
    public ConfigSnapshot? Current { get; init; }

    /// <summary>For a rollback: the version restored.</summary>
    public string? RollbackTo { get; init; }

    public ConfigDiff? Diff { get; init; }

    /// <summary>Why there is no review diff, when there is none.</summary>
    public string? DiffNote { get; init; }

    public required PushOutcome Outcome { get; init; }

    public ConfigUpload? Upload { get; init; }

    public ConfigBlobConflictException? Conflict { get; init; }
}
