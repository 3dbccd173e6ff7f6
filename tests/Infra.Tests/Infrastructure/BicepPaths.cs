using System.Reflection;

namespace FunctionGateway.Infra.Tests.Infrastructure;

/// <summary>Paths the test project stamps into its assembly at build time (see the csproj).</summary>
internal static class BicepPaths
{
    public static string Executable { get; } = Metadata("BicepExecutable");

    public static string Root { get; } = Metadata("BicepRoot");

    public static string MainTemplate { get; } = Path.Combine(Root, "main.bicep");

    public static string ExampleParameters { get; } = Path.Combine(Root, "prod.bicepparam");

    /// <summary>The parameters file azd deploys main.bicep with.</summary>
    public static string AzdParameters { get; } = Path.Combine(Root, "main.parameters.json");

    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(Root, "..", ".."));

    public static string LinterConfig { get; } = Path.Combine(Root, "bicepconfig.json");

    private static string Metadata(string key) =>
        typeof(BicepPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; see Infra.Tests.csproj.");
}
