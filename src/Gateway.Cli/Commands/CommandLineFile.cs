namespace FunctionGateway.Cli.Commands;

/// <summary>
/// A file the user named on the command line, as an argument or as the value of an option (<c>--config</c>,
/// <c>--token-file</c>). Reading it turns every way that can fail into one line naming the option and the path as
/// the user typed it, in the words the gateway's file config source uses for the same failure.
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
            // Reading a directory fails with "access denied", which sends people after permissions.
            throw Unreadable("it is a directory, not a file");
        }

        try
        {
            return await File.ReadAllTextAsync(Path, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            throw Unreadable("no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw Unreadable("no such file (its directory does not exist)");
        }
        catch (UnauthorizedAccessException)
        {
            throw Unreadable("permission denied");
        }
        catch (IOException e)
        {
            throw Unreadable(WithoutPath(e.Message));
        }
    }

    private CommandInputException Unreadable(string reason) => new($"cannot read {this}: {reason}");

    // The runtime names the full path in its messages ("Input/output error : '/srv/gateway.json'"); the line already
    // names the file as the user typed it.
    private string WithoutPath(string message)
    {
        foreach (var spelling in new[] { System.IO.Path.GetFullPath(Path), Path })
        {
            message = message.Replace($" : '{spelling}'", "", StringComparison.Ordinal).Replace($" '{spelling}'", "", StringComparison.Ordinal);
        }

        return message.TrimEnd('.');
    }
}
