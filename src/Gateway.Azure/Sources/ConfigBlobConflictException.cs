namespace FunctionGateway.Azure.Sources;

/// <summary>
/// The config blob changed between the read a change was reviewed against and the write: nothing was written.
/// <see cref="CurrentTag"/> is null when the blob no longer exists.
/// </summary>
public sealed class ConfigBlobConflictException(string blob, string? expectedTag, string? currentTag)
    : Exception(Describe(blob, expectedTag, currentTag))
{
    public string? ExpectedTag { get; } = expectedTag;

    public string? CurrentTag { get; } = currentTag;

    private static string Describe(string blob, string? expected, string? current) =>
        $"{blob} changed since it was read: the change was reviewed against " +
        (expected is null ? "no blob (it did not exist)" : $"ETag {expected}") +
        ", and it now " + (current is null ? "does not exist" : $"has ETag {current}") +
        "; nothing was written. Someone else changed the config: push again to review your change against theirs.";
}
