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
}
