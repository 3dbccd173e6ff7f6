using FunctionGateway.Sources;

namespace FunctionGateway.Cli.Commands;

/// <summary>
/// A file the user named on the command line, as an argument or as the value of an option (<c>--config</c>,
/// <c>--token-file</c>). Reading it turns every way that can fail into one line naming the option and the path as
/// the user typed it, in the words of <see cref="FileReadFailure"/>.
/// </summary>
internal sealed class CommandLineFile
{
    private readonly string? _option;

    private CommandLineFile(string? option, string path)
    {
        _option = option;
        Path = path;
    }

    /// <summary>The path as the user typed it.</summary>
    public string Path { get; }

    public static CommandLineFile Argument(string path) => new(null, path);

    // FileInfo.ToString() is the path as given, before it was made absolute.
    public static CommandLineFile Argument(FileInfo file) => new(null, file.ToString());

    public static CommandLineFile Option(string option, FileInfo file) => new(option, file.ToString());

    /// <summary><c>--config 'gateway.json'</c>, or <c>file 'gateway.json'</c> for an argument.</summary>
    public override string ToString() => $"{_option ?? "file"} '{Path}'";

    /// <exception cref="CommandInputException">The file is missing, is a directory, or cannot be read.</exception>
    public async Task<string> ReadAllTextAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(Path))
        {
            throw Unreadable(FileReadFailure.IsDirectory);
        }

        try
        {
            return await File.ReadAllTextAsync(Path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(FileReadFailure.Reason(e, Path));
        }
    }

    private CommandInputException Unreadable(string reason) => new($"cannot read {this}: {reason}");
}
