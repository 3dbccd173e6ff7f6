namespace FunctionGateway.Sources;

/// <summary>
/// Why a file named by the user could not be read, in the same words wherever it is read: by <c>gateway serve</c>'s
/// file source (on start and on every reload) and by every CLI command that takes a file.
/// </summary>
public static class FileReadFailure
{
    // Reading a directory fails with "access denied", which sends people after permissions.
    public const string IsDirectory = "it is a directory, not a file";

    /// <summary>The reason for an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> reading <paramref name="path"/>.</summary>
    public static string Reason(Exception exception, string path) => exception switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such file (its directory does not exist)",
        UnauthorizedAccessException => "permission denied",
        _ => WithoutPath(exception.Message, path),
    };

    // The runtime's messages repeat the path, which the caller's line already names as the user typed it
    // ("Input/output error : '/srv/gateway.json'").
    private static string WithoutPath(string message, string path)
    {
        foreach (var spelling in new[] { Path.GetFullPath(path), path })
        {
            message = message.Replace($" : '{spelling}'", "", StringComparison.Ordinal).Replace($" '{spelling}'", "", StringComparison.Ordinal);
        }

        return message.TrimEnd('.');
    }
}
