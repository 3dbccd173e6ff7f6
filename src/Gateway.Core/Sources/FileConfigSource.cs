using System.Security.Cryptography;
using System.Text;

namespace FunctionGateway.Sources;

/// <summary>A config file on disk; its version tag is the hash of its content.</summary>
internal sealed class FileConfigSource(string path) : IConfigSource
{
    public string Name => $"file '{path}'";

    public async Task<ConfigSnapshot?> ReadAsync(string? currentTag, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            // Reading a directory fails with "access denied", which sends people after permissions.
            throw new ConfigSourceException($"cannot read {Name}: it is a directory, not a file");
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigSourceException($"cannot read {Name}: {Reason(ex)}", ex);
        }

        var tag = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        return tag == currentTag ? null : new ConfigSnapshot(Encoding.UTF8.GetString(bytes), tag);
    }

    // The runtime's messages repeat the path that Name already gives ("Could not find file '/x/gateway.json'.",
    // "Input/output error : '/x/gateway.json'"). The CLI's CommandLineFile words each failure the same way.
    private string Reason(Exception ex) => ex switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such file (its directory does not exist)",
        UnauthorizedAccessException => "permission denied",
        _ => WithoutPath(ex.Message),
    };

    private string WithoutPath(string message)
    {
        foreach (var spelling in new[] { Path.GetFullPath(path), path })
        {
            message = message.Replace($" : '{spelling}'", "", StringComparison.Ordinal).Replace($" '{spelling}'", "", StringComparison.Ordinal);
        }

        return message.TrimEnd('.');
    }
}
