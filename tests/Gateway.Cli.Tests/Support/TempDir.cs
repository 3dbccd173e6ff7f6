namespace FunctionGateway.Cli.Tests.Support;

/// <summary>A folder of real files for one test, deleted afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gateway-cli-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="text"/> to a file of this folder and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
