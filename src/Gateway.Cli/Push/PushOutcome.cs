namespace FunctionGateway.Cli.Push;

/// <summary>How a push or rollback ended; the JSON report names it in lowercase (<c>dry-run</c> for <see cref="DryRun"/>).</summary>
internal enum PushOutcome
{
    /// <summary>The config would be rejected by the gateway: nothing written (exit 1).</summary>
    Refused,

    /// <summary>The blob already holds exactly this text: nothing written.</summary>
    Unchanged,

    /// <summary><c>--if-absent</c> and the blob exists: nothing written.</summary>
    Exists,

    /// <summary><c>--dry-run</c>: reviewed, nothing written.</summary>
    DryRun,

    /// <summary>Written.</summary>
    Uploaded,

    /// <summary>The blob changed after it was read: nothing written (exit 3).</summary>
    Conflict,
}
