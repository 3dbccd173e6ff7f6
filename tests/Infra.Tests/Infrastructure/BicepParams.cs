using System.Text.Json;

namespace FunctionGateway.Infra.Tests.Infrastructure;

/// <summary>
/// Evaluates a throwaway .bicepparam file with <c>bicep build-params</c>: how the tests check values against the
/// template's own rules, and evaluate expressions, without deploying anything.
/// </summary>
internal static class BicepParams
{
    /// <summary>Builds <paramref name="body"/>, written below <c>using '&lt;main.bicep&gt;'</c> (or <c>using none</c>).</summary>
    public static async Task<(BicepResult Result, JsonElement? Parameters)> BuildAsync(string body, bool usingMain)
    {
        var folder = Directory.CreateTempSubdirectory("bicepparam-probe-").FullName;
        try
        {
            // Bicep takes only relative paths in `using`.
            var main = Path.GetRelativePath(folder, BicepPaths.MainTemplate).Replace('\\', '/');
            var file = Path.Combine(folder, "probe.bicepparam");
            await File.WriteAllTextAsync(file, $"using {(usingMain ? $"'{main}'" : "none")}\n{body}\n");
            var result = await BicepCli.BuildParamsAsync(file);
            if (result.ExitCode != 0)
            {
                return (result, null);
            }

            using var output = JsonDocument.Parse(result.StdOut);
            using var parameters = JsonDocument.Parse(output.RootElement.GetProperty("parametersJson").GetString()!);
            return (result, parameters.RootElement.GetProperty("parameters").Clone());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
