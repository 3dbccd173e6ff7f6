namespace FunctionGateway.Sources;

/// <summary>One version of the config text as a source holds it; <see cref="Tag"/> is an ETag or content hash.</summary>
public sealed record ConfigSnapshot(string Text, string Tag);
