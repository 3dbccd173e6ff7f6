using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using FunctionGateway.Cli.Import;
using FunctionGateway.Configuration;

namespace FunctionGateway.Cli.Commands;

/// <summary>
/// <c>gateway import-proxies &lt;proxies.json&gt; [-o config.json] [--force]</c>: converts an Azure Functions Proxies
/// file into a gateway config (stdout or a file) and reports, on stderr, each part it could not convert and why.
/// Exit codes: 0 all converted, 3 a config was written but parts were not converted, 2 bad input.
/// </summary>
internal static class ImportProxiesCommand
{
    public const int Partial = 3;

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        // Paths and headers are easier to read with '<', '&' and quotes as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var input = new Argument<FileInfo>("proxies.json") { Description = "The Azure Functions Proxies file to convert." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the config to this file instead of standard output." };
        var force = new Option<bool>("--force") { Description = "Overwrite the --output file if it exists." };
        var command = new Command("import-proxies",
            "Convert an Azure Functions Proxies proxies.json into a gateway config, listing what could not be converted and why.")
        {
            input, output, force,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetRequiredValue(input), result.GetValue(output), result.GetValue(force), result.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo input, FileInfo? output, bool force, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        if (output is not null && output.Exists && !force)
        {
            await console.Error.WriteLineAsync($"{output.FullName} already exists; pass --force to overwrite it.");
            return ExitCodes.BadInput;
        }

        var file = CommandLineFile.Argument(input);
        string text;
        try
        {
            text = await file.ReadAllTextAsync(cancellationToken);
        }
        catch (CommandInputException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadInput;
        }

        var document = ProxiesFile.Parse(text, file.Path, out var error);
        if (document is null)
        {
            await console.Error.WriteLineAsync(error);
            return ExitCodes.BadInput;
        }

        var result = ProxiesImporter.Import(document, input.Name);
        var issues = await ConvertedConfigCheck.CheckAsync(result, cancellationToken);
        if (issues.Any(i => i.Severity == ConfigSeverity.Error))
        {
            // The converter's own defect, not the user's: say so rather than write a config the gateway refuses.
            await console.Error.WriteLineAsync($"The converted config is not valid; this is a defect of import-proxies. Its errors:");
            foreach (var issue in issues)
            {
                await console.Error.WriteLineAsync("  " + issue);
            }

            return ExitCodes.Findings;
        }

        result.Notes.AddRange(issues.Select(i => new ImportNote(ImportNoteKind.Warning, "", i.Location, i.Message)));
        var json = result.Config.ToJsonString(Output) + Environment.NewLine;
        if (output is null)
        {
            await console.Output.WriteAsync(json);
        }
        else
        {
            await File.WriteAllTextAsync(output.FullName, json, cancellationToken);
        }

        await ReportAsync(result, output, console);
        return result.IsComplete ? ExitCodes.Ok : Partial;
    }

    private static async Task ReportAsync(ImportResult result, FileInfo? output, InvocationConfiguration console)
    {
        foreach (var note in result.Notes)
        {
            await console.Error.WriteLineAsync(note.ToString());
        }

        var routes = result.Config["paths"]!.AsArray().Count;
        var notConverted = result.Notes.Count(n => n.Kind == ImportNoteKind.NotConverted);
        // The path as the user wrote it: FileInfo.ToString() is the original path, FullName the resolved one.
        var written = output is null ? "" : $" to {output}";
        await console.Error.WriteLineAsync(
            $"Converted {result.Converted} of {result.Proxies} proxies into {routes} route(s){written}; {notConverted} part(s) not converted.");
        if (result.AppSettings.Count > 0)
        {
            await console.Error.WriteLineAsync(
                $"The config reads these app settings, which must be set where the gateway runs: {string.Join(", ", result.AppSettings)}.");
        }
    }
}
