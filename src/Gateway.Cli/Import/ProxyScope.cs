namespace FunctionGateway.Cli.Import;

/// <summary>What is known of the proxy being converted: its name, its route's parameters, and the report it adds to.</summary>
internal sealed class ProxyScope(string name, List<ImportNote> notes)
{
    public string Name { get; } = name;

    /// <summary>The route's <c>{name}</c> parameters.</summary>
    public HashSet<string> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The name of the route's trailing <c>{*name}</c>, if it has one.</summary>
    public string? WildcardName { get; set; }

    /// <summary>The app settings the converted values read, as <c>$env.NAME</c>.</summary>
    public HashSet<string> AppSettings { get; } = new(StringComparer.Ordinal);

    public void NotConverted(string item, string reason) => notes.Add(new ImportNote(ImportNoteKind.NotConverted, Name, item, reason));

    public void Skipped(string item, string reason) => notes.Add(new ImportNote(ImportNoteKind.Skipped, Name, item, reason));

    /// <summary>The route parameter a reference names, in the route's own spelling; null when it names none.</summary>
    public string? Parameter(string reference) =>
        Parameters.TryGetValue(reference, out var actual) ? actual : null;

    public bool IsWildcard(string reference) =>
        WildcardName is not null && string.Equals(WildcardName, reference, StringComparison.OrdinalIgnoreCase);
}
