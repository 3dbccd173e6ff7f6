using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FunctionGateway.Cli.Tests.Support;

/// <summary>
/// <c>gateway serve</c> running as its own process on a free loopback port, so tests can send it real requests.
/// Stopped (this process only) when disposed.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = address };
    }

    public HttpClient Client { get; }

    /// <summary>Starts <c>gateway serve --config</c> in <paramref name="workingDirectory"/> (where its appsettings.json is) and waits until it answers.</summary>
    public static async Task<ServeProcess> StartAsync(string workingDirectory, string configFile)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = GatewayCommand.StartInfo(workingDirectory, "serve", "--config", configFile, "--urls", address.ToString().TrimEnd('/'));
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var serve = new ServeProcess(process, address);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"gateway serve exited with {process.ExitCode}:\n{await output}\n{await errors}");
            }

            try
            {
                using var probe = await serve.Client.GetAsync("/");
                return serve;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        await serve.DisposeAsync();
        throw new TimeoutException("gateway serve did not answer within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
