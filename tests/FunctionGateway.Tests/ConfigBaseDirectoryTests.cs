namespace FunctionGateway.Functions.Tests;

/// <summary>Where a relative Gateway:Config:Path is read from: the project folder for a build, the app's folder once published.</summary>
public sealed class ConfigBaseDirectoryTests : IDisposable
{
    private readonly string _app = Directory.CreateTempSubdirectory("gateway-app-").FullName;
    private readonly string _project = Directory.CreateTempSubdirectory("gateway-project-").FullName;

    [Fact]
    public void For_BuildOutputNamingAnExistingProjectFolder_IsTheProjectFolder()
    {
        File.WriteAllText(Path.Combine(_app, ConfigBaseDirectory.MarkerFile), _project + Environment.NewLine);

        Assert.Equal(_project, ConfigBaseDirectory.For(_app));
    }

    [Fact]
    public void For_PublishedAppWithoutMarker_IsTheAppFolder()
    {
        Assert.Equal(_app, ConfigBaseDirectory.For(_app));
    }

    [Fact]
    public void For_MarkerNamingAFolderThatIsGone_IsTheAppFolder()
    {
        File.WriteAllText(Path.Combine(_app, ConfigBaseDirectory.MarkerFile), Path.Combine(_project, "moved-away"));

        Assert.Equal(_app, ConfigBaseDirectory.For(_app));
    }

    [Fact]
    public void For_TheBuildOfTheFunctionApp_NamesItsProjectFolder()
    {
        // This project's output is tests/FunctionGateway.Tests/bin/<configuration>/<framework>/; the app was built
        // with the same configuration and framework, into src/FunctionGateway/bin/<configuration>/<framework>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration, repository) = (output.Name, output.Parent!.Name, output.Parent.Parent!.Parent!.Parent!.Parent!.FullName);
        var marker = Path.Combine(repository, "src", "FunctionGateway", "bin", configuration, framework, ConfigBaseDirectory.MarkerFile);

        var named = File.ReadAllText(marker).Trim();

        Assert.True(File.Exists(Path.Combine(named, "FunctionGateway.csproj")), $"the marker names '{named}'");
    }

    public void Dispose()
    {
        Directory.Delete(_app, recursive: true);
        Directory.Delete(_project, recursive: true);
    }
}
