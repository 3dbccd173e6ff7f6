namespace FunctionGateway.Tests.Support;

/// <summary>The clone the tests were built from: they run from its bin folders, and some read its sources and docs.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FunctionGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FunctionGateway.sln above {AppContext.BaseDirectory}.");
    }
}
