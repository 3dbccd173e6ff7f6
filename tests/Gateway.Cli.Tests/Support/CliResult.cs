namespace FunctionGateway.Cli.Tests.Support;

/// <summary>What one run of the <c>gateway</c> command printed, and how it exited.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
