namespace FunctionGateway.Load.Driver;

/// <summary>
/// The Azure Functions host of the <c>--functions</c> rows, from <c>FUNCTIONS_HOST_DIR</c>: Core Tools' install
/// folder (which holds <c>func</c>), or a build of the host (which holds its web host assembly and is started
/// the way Core Tools starts it).
/// </summary>
internal sealed record FunctionsHost(string Directory, bool IsCoreTools)
{
    public const string Variable = "FUNCTIONS_HOST_DIR";

    private const string WebHostAssembly = "Microsoft.Azure.WebJobs.Script.WebHost.dll";

    public static FunctionsHost FromEnvironment()
    {
        var directory = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(directory))
        {
            throw new ArgumentException($"--functions needs {Variable}: Core Tools' install folder, or a folder holding {WebHostAssembly} (a build of github.com/Azure/azure-functions-host).");
        }

        directory = Path.GetFullPath(directory);
        if (File.Exists(Path.Combine(directory, "func")))
        {
            return new FunctionsHost(directory, IsCoreTools: true);
        }

        return File.Exists(Path.Combine(directory, WebHostAssembly))
            ? new FunctionsHost(directory, IsCoreTools: false)
            : throw new ArgumentException($"{Variable} ({directory}) holds neither func nor {WebHostAssembly}.");
    }

    /// <summary>The host serving the published app in <paramref name="appDirectory"/> on <paramref name="url"/>.</summary>
    public ServerSpec Serve(string name, string appDirectory, string url, Dictionary<string, string> environment, string readyPath)
    {
        environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Production";
        if (IsCoreTools)
        {
            var port = new Uri(url).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new ServerSpec(name, Path.Combine(Directory, "func"), ["start", "--port", port], url + readyPath)
            {
                Environment = environment,
                WorkingDirectory = appDirectory,
            };
        }

        // As Core Tools runs it: the app is the script root and the worker's folder. CONTAINER_NAME would make the
        // host believe it runs in a Linux Consumption container and wait for an assignment that never comes.
        environment["AzureWebJobsScriptRoot"] = appDirectory;
        environment["languageWorkers__dotnet-isolated__workerDirectory"] = appDirectory;
        environment["ASPNETCORE_URLS"] = url;
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "workers"));
        return new ServerSpec(name, "dotnet", [WebHostAssembly], url + readyPath)
        {
            Environment = environment,
            WorkingDirectory = Directory,
            Unset = ["CONTAINER_NAME"],
        };
    }
}
