namespace FunctionGateway.Cli;

/// <summary>The exit codes of the operator commands, documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>Valid config (<c>validate</c>, <c>routes</c>), or no differences (<c>diff</c>).</summary>
    public const int Ok = 0;

    /// <summary>The config has errors (<c>validate</c>, <c>routes</c>), or the configs differ (<c>diff</c>).</summary>
    public const int Findings = 1;

    /// <summary>The command could not run: a missing or unreadable file, malformed JSON for <c>diff</c>, an unknown flag or value.</summary>
    public const int BadInput = 2;
}
