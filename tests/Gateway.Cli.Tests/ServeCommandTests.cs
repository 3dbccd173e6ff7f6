using System.Net;
using System.Net.Sockets;
using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests;

/// <summary><c>gateway serve</c> starting, and refusing to start: one plain line per problem on stderr, exit code 1, no stack trace.</summary>
public class ServeCommandTests
{
    private const string ValidConfig = """{ "paths": [{ "method": "GET", "path": "/health", "response": { "ok": true } }] }""";

    [Fact]
    public async Task Serve_PortInUse_ExitsOneNamingUrlAndCause()
    {
        using var dir = new TempDir();
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";

        var result = await GatewayCommand.RunAsync("serve", "--config", dir.Write("gateway.json", ValidConfig), "--urls", url);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal($"cannot listen on '{url}': the address is already in use; stop the process holding the port, or pass another --urls{Environment.NewLine}",
            result.Stderr);
        Assert.DoesNotContain("   at ", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notaurl", "not a URL to listen on; use a scheme, host and port such as http://localhost:7071")]
    [InlineData("http://127.0.0.1:abc", "the host or port is not valid; the port is a number from 0 to 65535, as in http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:70000", "port 70000 is not a number from 0 to 65535")]
    [InlineData("ftp://127.0.0.1:8080", "only http:// and https:// URLs can be listened on")]
    [InlineData("http://127.0.0.1:0/base", "a URL to listen on has no path; remove '/base'")]
    public async Task Serve_BadUrl_ExitsOneNamingUrlAndCause(string url, string cause)
    {
        using var dir = new TempDir();

        var result = await GatewayCommand.RunAsync("serve", "--config", dir.Write("gateway.json", ValidConfig), "--urls", url);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal($"cannot listen on '{url}': {cause}{Environment.NewLine}", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Serve_HttpsWithoutCertificate_ExitsOneNamingUrlAndCause()
    {
        using var dir = new TempDir();
        // An empty HOME has no developer certificate, whatever the machine running the tests holds.
        var result = await GatewayCommand.RunWithEnvironmentAsync(new Dictionary<string, string?> { ["HOME"] = dir.Path, ["DOTNET_CLI_HOME"] = dir.Path },
            "serve", "--config", dir.Write("gateway.json", ValidConfig), "--urls", "https://127.0.0.1:0");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("cannot listen on 'https://127.0.0.1:0': no server certificate is configured and no developer certificate was found; " +
            $"configure Kestrel's certificate or run 'dotnet dev-certs https'{Environment.NewLine}", result.Stderr);
    }

    [Fact]
    public async Task Serve_InvalidConfig_PrintsEveryProblemAndExitsOne()
    {
        using var dir = new TempDir();
        var config = dir.Write("gateway.json", """
            { "servers": [{ "alias": "orders", "url": "ftp://orders" }],
              "paths": [{ "method": "FETCH", "path": "/a", "response": 1 },
                        { "method": "GET", "path": "/b", "auth": true, "response": 1 }] }
            """);

        var result = await GatewayCommand.RunAsync("serve", "--config", config, "--urls", "http://127.0.0.1:0");

        Assert.True(result.ExitCode == 1, result.ToString());
        // The first load runs while Kestrel starts; a file that cannot be served is never announced as listened on.
        Assert.DoesNotContain("Now listening", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(
        [
            "servers[0].url: must be an absolute http:// or https:// URL, such as 'https://orders.internal.example.com'",
            "paths[0].method: unknown method 'FETCH'; use GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD or ANY (upper case)",
            "paths[1].auth: is true but the config has no 'authorizer'",
            $"file '{config}' is not a valid gateway config (3 error(s)); nothing served.",
        ], result.Stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Serve_ValidConfig_SaysItListensOnceTheConfigIsServed()
    {
        using var dir = new TempDir();
        using var process = System.Diagnostics.Process.Start(
            GatewayCommand.StartInfo(dir.Path, "serve", "--config", dir.Write("gateway.json", ValidConfig), "--urls", "http://127.0.0.1:0"))!;
        process.StandardInput.Close();
        const string Listening = "FunctionGateway.Cli.Serve[110] Now listening on: ";
        var lines = new List<string>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains(Listening, StringComparison.Ordinal))
                {
                    break;
                }
            }

            // The address it names is the one bound (port 0 picks one), and it serves the file there.
            var url = lines[^1][(lines[^1].IndexOf(Listening, StringComparison.Ordinal) + Listening.Length)..];
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{url}/health")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.Contains("Config loaded from file", lines[^2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_ConfigIsADirectory_ExitsOneSayingSo()
    {
        using var dir = new TempDir();

        var result = await GatewayCommand.RunAsync("serve", "--config", dir.Path, "--urls", "http://127.0.0.1:0");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal($"cannot read file '{dir.Path}': it is a directory, not a file{Environment.NewLine}", result.Stderr);
    }

    [Fact]
    public async Task Serve_ConfigPathSetting_IsReadLikeConfigOption()
    {
        using var dir = new TempDir();
        var config = dir.Write("gateway.json", """{ "paths": [{ "method": "FETCH", "path": "/a", "response": 1 }] }""");

        var result = await GatewayCommand.RunWithEnvironmentAsync(
            new Dictionary<string, string?> { ["Gateway__Config__Path"] = config }, "serve", "--urls", "http://127.0.0.1:0");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
        [
            "paths[0].method: unknown method 'FETCH'; use GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD or ANY (upper case)",
            $"file '{config}' is not a valid gateway config (1 error(s)); nothing served.",
        ], result.Stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Serve_SeveralBadSettings_ExitsOneNamingEveryOne()
    {
        var result = await GatewayCommand.RunWithEnvironmentAsync(new Dictionary<string, string?>
        {
            ["Gateway__Config__PollSeconds"] = "soon",
            ["Gateway__Config__StartupWaitSeconds"] = "-1",
            ["Gateway__Status__Path"] = "status",
            ["Gateway__Forwarding__TrustedProxies"] = "10.0.0.0/8, proxy",
        }, "serve", "--urls", "http://127.0.0.1:0");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
        [
            "Gateway:Status:Path is 'status': expected a path starting with '/', such as '/.gateway/status'",
            "Gateway:Forwarding:TrustedProxies holds 'proxy': expected IP addresses or CIDR ranges separated by commas, such as '10.0.0.0/8, 192.0.2.7'",
            "Gateway:Config:PollSeconds is 'soon': expected a number of seconds above 0 up to 86400 (default 30)",
            "Gateway:Config:StartupWaitSeconds is '-1': expected a number of seconds from 0 up to 86400 (default 15)",
        ], result.Stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
