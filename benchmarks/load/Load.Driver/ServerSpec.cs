namespace FunctionGateway.Load.Driver;

/// <summary>How to start one server of the run: its program, arguments, environment, and a URL that answers 200 once it is up.</summary>
internal sealed record ServerSpec(string Name, string Program, IReadOnlyList<string> Arguments, string ReadyUrl)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Variables of the driver's own environment the server must not inherit.</summary>
    public IReadOnlyList<string> Unset { get; init; } = [];

    /// <summary>Sent with the readiness probe, for a server whose ready URL needs a token.</summary>
    public string? Token { get; init; }

    /// <summary>The folder the program starts in, when it needs its own (a Functions host reads its files from there).</summary>
    public string? WorkingDirectory { get; init; }
}
