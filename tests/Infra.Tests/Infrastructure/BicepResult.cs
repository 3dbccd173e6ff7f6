namespace FunctionGateway.Infra.Tests.Infrastructure;

internal sealed record BicepResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Exit code and diagnostics in one string, so a failed assertion shows why.</summary>
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}{StdErr}";
}
