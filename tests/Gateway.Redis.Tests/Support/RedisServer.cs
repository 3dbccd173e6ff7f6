using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FunctionGateway.Redis.Tests.Support;

/// <summary>
/// The Redis the test command starts (<c>GATEWAY_TEST_REDIS</c>), or a redis-server of a test's own on a free
/// loopback port, which the test can stop and start again to play an outage.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    public const string Variable = "GATEWAY_TEST_REDIS";

    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    /// <summary>host:port of the shared test Redis.</summary>
    public static string Shared => Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException($"{Variable} is not set: run the tests with ./test.sh, which starts redis-server and sets it to its address");

    public static async Task<RedisServer> StartOwnAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = new RedisServer(port);
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not listen on port {Port} within 5 s");
    }

    /// <summary>Kills the server at once, as a crash would: no goodbye to its clients.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
