namespace FunctionGateway.Azure.Sources;

/// <summary>
/// A config version written to the blob: its ETag, its version id when the account keeps versions, and the
/// snapshot that holds the version it replaced when the account keeps none.
/// </summary>
public sealed record ConfigUpload(string Tag, string? VersionId, string? PreviousSnapshot);
