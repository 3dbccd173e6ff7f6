namespace FunctionGateway.Hosting;

/// <summary>A config version that was not published, when, and every reason.</summary>
public sealed record RejectedConfig(string Tag, DateTimeOffset RejectedAt, IReadOnlyList<string> Errors);
