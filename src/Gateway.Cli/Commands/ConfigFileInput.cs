using Azure.Identity;
using FunctionGateway.Azure.Secrets;
using FunctionGateway.Tooling.Diagnostics;
using FunctionGateway.Hosting;
using Microsoft.Extensions.Configuration;

namespace FunctionGateway.Cli.Commands;

/// <summary>
/// Loads <c>--config</c> for the operator commands as <c>gateway serve</c> would: the same loader, with references
/// resolved from <c>appsettings.json</c> in the current folder and the environment (and Key Vault when
/// <c>Gateway__KeyVault__Uri</c> is set). A file that cannot be read or a config with errors is bad input.
/// </summary>
internal static class ConfigFileInput
{
    public static async Task<DiagnosticConfig> LoadAsync(FileInfo file, DateTimeOffset? at, bool offline, TextWriter error, CancellationToken cancellationToken)
    {
        var text = await CommandLineFile.Option("--config", file).ReadAllTextAsync(cancellationToken);

        IConfiguration settings;
        try
        {
            settings = new ConfigurationBuilder()
                .SetBasePath(Directory.GetCurrentDirectory())
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables()
                .Build();
        }
        catch (InvalidDataException e)
        {
            throw new CommandInputException($"appsettings.json in {Directory.GetCurrentDirectory()} is not valid JSON ({e.Message})");
        }

        DiagnosticConfig loaded;
        try
        {
            loaded = await DiagnosticConfigLoader.LoadAsync(text, file.FullName, settings, new FixedTimeProvider(at ?? TimeProvider.System.GetUtcNow()), offline,
                (clock, logs) => SecretSources.FromSettings(settings, GatewaySettings.Read(settings), new DefaultAzureCredential(), clock, logs),
                cancellationToken);
        }
        catch (DiagnosticInputException e)
        {
            throw new CommandInputException(e.Message);
        }

        foreach (var issue in loaded.Issues)
        {
            await error.WriteLineAsync($"{file.Name}: {issue}");
        }

        return loaded.Runtime is null
            ? throw new CommandInputException($"{file.FullName} is not a valid gateway config ({loaded.Errors.Count()} error(s) above)")
            : loaded;
    }
}
