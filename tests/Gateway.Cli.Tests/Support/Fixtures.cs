namespace FunctionGateway.Cli.Tests.Support;

/// <summary>The sample input files under <c>Fixtures/</c>, copied next to the tests.</summary>
public static class Fixtures
{
    public static string Proxies(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "proxies", name);
}
