namespace FunctionGateway.Configuration;

/// <summary>Which version of the config is running: its source, the source's version tag (ETag, hash) and when it was loaded.</summary>
public sealed record ConfigVersion(string Source, string Tag, DateTimeOffset LoadedAt);
