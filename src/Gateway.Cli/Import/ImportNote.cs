namespace FunctionGateway.Cli.Import;

internal enum ImportNoteKind
{
    /// <summary>Behaviour the converted config does not reproduce.</summary>
    NotConverted,

    /// <summary>Left out on purpose, with the same effect as in Azure Functions Proxies (a disabled proxy).</summary>
    Skipped,

    /// <summary>What the gateway's validator says about the converted config.</summary>
    Warning,
}

/// <summary>One line of the import report: which proxy, which part of it, and why it was not carried over as is.</summary>
internal sealed record ImportNote(ImportNoteKind Kind, string Proxy, string Item, string Reason)
{
    public override string ToString()
    {
        var label = Kind switch
        {
            ImportNoteKind.NotConverted => "not converted",
            ImportNoteKind.Skipped => "skipped",
            _ => "warning",
        };
        var where = Proxy.Length == 0 ? Item : $"proxy '{Proxy}': {Item}";
        return $"{label}: {where}: {Reason}";
    }
}
