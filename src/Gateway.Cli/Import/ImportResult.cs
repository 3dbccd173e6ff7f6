using System.Text.Json.Nodes;

namespace FunctionGateway.Cli.Import;

/// <summary>A converted proxies.json: the gateway config, and the report of what was not carried over.</summary>
internal sealed class ImportResult(JsonObject config, IReadOnlyList<ImportNote> notes, int proxies, int converted, IReadOnlyCollection<string> appSettings)
{
    public JsonObject Config { get; } = config;

    public List<ImportNote> Notes { get; } = [.. notes];

    /// <summary>How many proxies the file has.</summary>
    public int Proxies { get; } = proxies;

    /// <summary>How many of them became at least one route.</summary>
    public int Converted { get; } = converted;

    /// <summary>The app settings the config reads with <c>$env.NAME</c>: they must exist where the gateway runs.</summary>
    public IReadOnlyCollection<string> AppSettings { get; } = appSettings;

    public bool IsComplete => Notes.All(n => n.Kind != ImportNoteKind.NotConverted);
}
