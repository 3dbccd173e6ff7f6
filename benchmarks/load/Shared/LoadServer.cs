using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Load;

/// <summary>
/// The host every load app shares with <c>gateway serve</c>: the slim builder, default Kestrel limits, and a
/// console logger at Warning, so that the servers compared differ only in what they do with a request.
/// </summary>
internal static class LoadServer
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseUrls(Argument(args, "--urls") ?? "http://127.0.0.1:5100");
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    public static string? Argument(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
