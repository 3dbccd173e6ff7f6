using System.Security.Cryptography;
using System.Text;

namespace FunctionGateway.Sources;

/// <summary>A config file on disk; its version tag is the hash of its content.</summary>
public sealed class FileConfigSource(string path) : IConfigSource
{
    public string Name => $"file '{path}'";

    public async Task<ConfigSnapshot?> ReadAsync(string? currentTag, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            throw new ConfigSourceException($"cannot read {Name}: {FileReadFailure.IsDirectory}");
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigSourceException($"cannot read {Name}: {FileReadFailure.Reason(ex, path)}", ex);
        }

        var tag = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        return tag == currentTag ? null : new ConfigSnapshot(Encoding.UTF8.GetString(bytes), tag);
    }
}
