using System.Runtime.Versioning;
using FunctionGateway.Sources;

namespace FunctionGateway.Tests.Sources;

public sealed class FileConfigSourceTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gateway-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task ReadAsync_UnchangedFile_ReturnsNullForSameTag()
    {
        await File.WriteAllTextAsync(_path, """{ "paths": [] }""");
        var source = new FileConfigSource(_path);

        var first = await source.ReadAsync(null, CancellationToken.None);
        var again = await source.ReadAsync(first!.Tag, CancellationToken.None);

        Assert.Equal("""{ "paths": [] }""", first.Text);
        Assert.Null(again);
    }

    [Fact]
    public async Task ReadAsync_ChangedFile_ReturnsNewTag()
    {
        await File.WriteAllTextAsync(_path, """{ "paths": [] }""");
        var source = new FileConfigSource(_path);
        var first = await source.ReadAsync(null, CancellationToken.None);

        await File.WriteAllTextAsync(_path, """{ "paths": [ ] }""");
        var second = await source.ReadAsync(first!.Tag, CancellationToken.None);

        Assert.NotNull(second);
        Assert.NotEqual(first.Tag, second.Tag);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsNamingTheFile()
    {
        var source = new FileConfigSource(_path);

        var error = await Assert.ThrowsAsync<ConfigSourceException>(() => source.ReadAsync(null, CancellationToken.None));

        Assert.Equal($"cannot read file '{_path}': no such file", error.Message);
    }

    [Fact]
    public async Task ReadAsync_MissingDirectory_SaysSoOnceNamingTheFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gateway-missing-{Guid.NewGuid():N}", "gateway.json");
        var source = new FileConfigSource(file);

        var error = await Assert.ThrowsAsync<ConfigSourceException>(() => source.ReadAsync(null, CancellationToken.None));

        Assert.Equal($"cannot read file '{file}': no such file (its directory does not exist)", error.Message);
    }

    [Fact]
    public async Task ReadAsync_Directory_ThrowsSayingItIsADirectory()
    {
        var directory = Directory.CreateTempSubdirectory("gateway-config-").FullName;
        try
        {
            var source = new FileConfigSource(directory);

            var error = await Assert.ThrowsAsync<ConfigSourceException>(() => source.ReadAsync(null, CancellationToken.None));

            Assert.Equal($"cannot read file '{directory}': it is a directory, not a file", error.Message);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task ReadAsync_UnreadableFile_SaysPermissionDenied()
    {
        // root opens a file of any mode, but the kernel checks a sysctl's owner bits even for root, and this one is write-only.
        var file = Environment.IsPrivilegedProcess ? "/proc/sys/vm/drop_caches" : _path;
        if (!Environment.IsPrivilegedProcess)
        {
            await File.WriteAllTextAsync(_path, "{}");
            File.SetUnixFileMode(_path, UnixFileMode.None);
        }

        var error = await Assert.ThrowsAsync<ConfigSourceException>(() => new FileConfigSource(file).ReadAsync(null, CancellationToken.None));

        Assert.Equal($"cannot read file '{file}': permission denied", error.Message);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task ReadAsync_ReadFails_GivesTheReasonWithoutThePathAgain()
    {
        // The kernel opens a process's own memory but refuses to read it at offset 0.
        var error = await Assert.ThrowsAsync<ConfigSourceException>(() => new FileConfigSource("/proc/self/mem").ReadAsync(null, CancellationToken.None));

        Assert.Equal("cannot read file '/proc/self/mem': Input/output error", error.Message);
    }
}
