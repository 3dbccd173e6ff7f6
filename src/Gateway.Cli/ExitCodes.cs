namespace FunctionGateway.Cli;

/// <summary>
/// The exit codes the commands share, documented in docs/cli.md. A command's own meanings of other codes (explain's
/// 1 and 3, import-proxies' 3) are declared in its command.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Every command: it did what was asked; valid config (<c>validate</c>, <c>routes</c>), no differences (<c>diff</c>).</summary>
    public const int Ok = 0;

    /// <summary>
    /// The config has errors (<c>validate</c>, <c>routes</c>, and a converted config the gateway refuses in
    /// <c>import-proxies</c>), or the configs differ (<c>diff</c>).
    /// </summary>
    public const int Findings = 1;

    /// <summary>Every command: it could not run, from a usage error, a missing or unreadable file, or an unusable value.</summary>
    public const int BadInput = 2;
}
