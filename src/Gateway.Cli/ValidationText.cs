using FunctionGateway.Configuration;

namespace FunctionGateway.Cli;

/// <summary>The text report of <c>gateway validate</c>: a verdict line, then errors, warnings and references.</summary>
internal static class ValidationText
{
    public static async Task WriteAsync(TextWriter output, string path, ConfigCheck check, string? secretSource)
    {
        var errors = check.Errors.ToList();
        var warnings = check.Warnings.ToList();
        var verdict = check.IsValid ? "valid" : "invalid";
        var counts = new[] { Count(errors.Count, "error"), Count(warnings.Count, "warning") }.Where(c => c.Length > 0);
        await output.WriteLineAsync($"{path}: {verdict}{string.Concat(counts.Select(c => ", " + c))}");
        foreach (var issue in errors)
        {
            await output.WriteLineAsync($"error: {issue.Location}: {issue.Message}");
        }

        foreach (var issue in warnings)
        {
            await output.WriteLineAsync(issue.ToString());
        }

        if (check.References.Count == 0)
        {
            return;
        }

        await output.WriteLineAsync(check.ReferencesResolved
            ? secretSource == EnvironmentSource
                ? $"references (resolved from {EnvironmentSource}):"
                : $"references ($secret from {secretSource}; $env from {EnvironmentSource}):"
            : "references (not resolved, and the values they stand for not checked; --resolve resolves them):");
        var table = new TextTable(check.ReferencesResolved ? ["  reference", "location", "state"] : ["  reference", "location"]);
        foreach (var reference in check.References)
        {
            table.Add(check.ReferencesResolved
                ? ["  " + reference.Text, reference.Location, reference.Resolved ? "resolved" : "MISSING"]
                : ["  " + reference.Text, reference.Location]);
        }

        await table.WriteAsync(output);
    }

    private const string EnvironmentSource = "app settings and environment variables";

    private static string Count(int count, string noun) => count switch
    {
        0 => "",
        1 => $"1 {noun}",
        _ => $"{count} {noun}s",
    };
}
