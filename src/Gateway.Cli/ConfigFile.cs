namespace FunctionGateway.Cli;

/// <summary>Reads a config file named on the command line, turning every way that can fail into one line naming the file.</summary>
internal static class ConfigFile
{
    public static bool TryRead(string path, out string text, out string error)
    {
        text = "";
        error = "";
        if (Directory.Exists(path))
        {
            error = $"'{path}' is a directory, not a config file";
            return false;
        }

        if (!File.Exists(path))
        {
            error = $"'{path}' does not exist";
            return false;
        }

        try
        {
            text = File.ReadAllText(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            error = $"'{path}' cannot be read: permission denied";
        }
        catch (IOException ex)
        {
            // The runtime appends " : '<full path>'"; the path as given is already in the line.
            var reason = ex.Message;
            var suffix = reason.IndexOf(" : '", StringComparison.Ordinal);
            error = $"'{path}' cannot be read: {(suffix > 0 ? reason[..suffix] : reason)}";
        }

        return false;
    }
}
