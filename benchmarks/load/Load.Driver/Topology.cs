using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace FunctionGateway.Load.Driver;

/// <summary>
/// Every server of the run and the requests each is driven with. All .NET servers run with the same
/// runtime settings (<see cref="DotnetEnvironment"/>) and Kestrel defaults.
/// </summary>
internal sealed class Topology
{
    public const string JwtPath = "/api/items";
    public const string OpenPath = "/open/items";
    public const string StaticPath = "/static";
    public const string LimitedPath = "/limited/items";

    /// <summary>The policy of <see cref="LimitedPath"/>: counted on every request, never reached, so every request is proxied.</summary>
    public const string LimitPolicy = "load";

    private static readonly string[] NginxPaths = ["/usr/sbin/nginx", "/usr/bin/nginx"];
    private static readonly string[] RedisPaths = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    private readonly RunOptions _options;
    private readonly string _secret;

    public Topology(RunOptions options, string runDirectory, string secret, string token)
    {
        _options = options;
        _secret = secret;
        Token = token;
        RunDirectory = runDirectory;
        Upstream = new ServerSpec("upstream", Binary("benchmarks/load/Load.Upstream", "Load.Upstream"), ["--urls", Url(UpstreamPort)], Url(UpstreamPort) + "/ready")
        {
            Environment = DotnetEnvironment(),
        };
    }

    public string Token { get; }

    public string RunDirectory { get; }

    public int UpstreamPort { get; } = FreePort();

    public ServerSpec Upstream { get; }

    /// <summary>Server GC and no extra diagnostics for every .NET server alike (the SDK default for web apps is Server GC; a console app's is not).</summary>
    public static Dictionary<string, string> DotnetEnvironment() => new()
    {
        ["DOTNET_gcServer"] = "1",
        ["DOTNET_TieredPGO"] = "1",
        ["DOTNET_ENVIRONMENT"] = "Production",
    };

    /// <summary>The gateway; with <paramref name="redis"/> (host:port) its rate limit counters are in that Redis.</summary>
    public ServerSpec Gateway(string? redis = null)
    {
        var port = FreePort();
        var environment = GatewayEnvironment(out var config);
        if (redis is not null)
        {
            environment["Gateway__RateLimit__Redis"] = redis;
        }

        return new ServerSpec(redis is null ? "gateway" : "gateway-redis", _options.Gateway ?? Path.Combine(Published("src/Gateway.Cli"), "gateway"),
            ["serve", "--config", config, "--urls", Url(port)], Url(port) + StaticPath)
        {
            Environment = environment,
        };
    }

    public ServerSpec Baseline(bool withJwt)
    {
        var port = FreePort();
        var environment = DotnetEnvironment();
        environment["JWT_SECRET"] = _secret;
        return new ServerSpec(withJwt ? "yarp-jwtbearer" : "yarp", Binary("benchmarks/load/Load.Baseline", "Load.Baseline"),
            ["--urls", Url(port), "--upstream", Url(UpstreamPort), "--auth", withJwt ? "jwt" : "none",
             "--issuer", TokenFactory.Issuer, "--audience", TokenFactory.Audience],
            Url(port) + (withJwt ? JwtPath : OpenPath))
        {
            Environment = environment,
            Token = Token,
        };
    }

    /// <summary>The gateway's Function App under the Functions host, on the same config as <see cref="Gateway"/>.</summary>
    public ServerSpec FunctionGateway(FunctionsHost host)
    {
        var environment = GatewayEnvironment(out var config);
        // The config from a file: the same bytes as serve's, and no storage emulator in the run.
        environment["Gateway__Config__Path"] = config;
        var app = _options.FunctionApp ?? Published("src/FunctionGateway");
        return host.Serve("function-gateway", app, Url(FreePort()), environment, StaticPath);
    }

    /// <summary>What the Function App competes with: an app of one function answering the static route's bytes (<c>benchmarks/load/Load.EmptyFunction</c>).</summary>
    public ServerSpec EmptyFunction(FunctionsHost host) =>
        host.Serve("function-empty", Published("benchmarks/load/Load.EmptyFunction"), Url(FreePort()), DotnetEnvironment(), StaticPath);

    /// <summary>The floor: a hand-written proxy without auth, routing or timeouts (<c>benchmarks/load/Load.BareProxy</c>).</summary>
    public ServerSpec BareProxy()
    {
        var port = FreePort();
        return new ServerSpec("bare-proxy", Binary("benchmarks/load/Load.BareProxy", "Load.BareProxy"),
            ["--urls", Url(port), "--upstream", Url(UpstreamPort)], Url(port) + JwtPath)
        {
            Environment = DotnetEnvironment(),
        };
    }

    public ServerSpec Minimal()
    {
        var port = FreePort();
        return new ServerSpec("minimal", Path.Combine(Published("benchmarks/load/Load.Minimal"), "Load.Minimal"), ["--urls", Url(port)], Url(port) + StaticPath)
        {
            Environment = DotnetEnvironment(),
        };
    }

    /// <summary>redis-server on loopback without persistence, or null when it is not installed.</summary>
    public static ServerSpec? Redis(out int port)
    {
        port = FreePort();
        var redis = RedisPaths.FirstOrDefault(File.Exists);
        return redis is null ? null : new ServerSpec("redis", redis,
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], "");
    }

    /// <summary>nginx answering the same bytes, in the foreground, with its files in the run directory.</summary>
    public ServerSpec? Nginx()
    {
        var nginx = NginxPaths.FirstOrDefault(File.Exists);
        if (nginx is null)
        {
            return null;
        }

        var port = FreePort();
        var directory = Path.Combine(RunDirectory, "nginx");
        Directory.CreateDirectory(directory);
        var conf = Path.Combine(directory, "nginx.conf");
        File.WriteAllText(conf, NginxConfig.Render(port, directory));
        return new ServerSpec("nginx", nginx, ["-p", directory, "-c", conf], Url(port) + JwtPath);
    }

    /// <summary>The run's config written to <paramref name="config"/>, and the environment of a gateway reading it.</summary>
    private Dictionary<string, string> GatewayEnvironment(out string config)
    {
        config = Path.Combine(RunDirectory, "gateway.json");
        File.WriteAllText(config, GatewayConfig());
        var environment = DotnetEnvironment();
        environment["JWT_SECRET"] = _secret;
        return environment;
    }

    private string GatewayConfig()
    {
        var server = new JsonObject { ["alias"] = "upstream", ["url"] = Url(UpstreamPort) };
        var config = new JsonObject
        {
            ["servers"] = new JsonArray(server),
            ["authorizer"] = new JsonObject
            {
                ["type"] = "jwt",
                ["secret"] = "$secret.JWT_SECRET",
                ["algorithm"] = "HS256",
                ["issuer"] = TokenFactory.Issuer,
                ["audience"] = TokenFactory.Audience,
            },
            // Keyed by the client's address, as a per-client limit is, with a limit no run reaches.
            ["rate_limits"] = new JsonObject
            {
                [LimitPolicy] = new JsonObject
                {
                    ["key"] = "$client.address",
                    ["algorithm"] = "fixed_window",
                    ["limit"] = 1_000_000_000,
                    ["window_seconds"] = 3600,
                },
            },
            ["paths"] = new JsonArray(
                Proxy(JwtPath, auth: true),
                Proxy(OpenPath, auth: false),
                Proxy(LimitedPath, auth: false, LimitPolicy),
                new JsonObject { ["method"] = "GET", ["path"] = StaticPath, ["response"] = JsonNode.Parse(Load.LoadBody.Json) }),
        };
        return config.ToJsonString(new() { WriteIndented = true });
    }

    private static JsonObject Proxy(string path, bool auth, string? rateLimit = null)
    {
        var route = new JsonObject
        {
            ["method"] = "GET",
            ["path"] = path,
            ["integration"] = new JsonObject { ["type"] = "http_proxy", ["server"] = "upstream" },
        };
        if (auth)
        {
            route["auth"] = true;
        }

        if (rateLimit is not null)
        {
            route["rate_limit"] = rateLimit;
        }

        return route;
    }

    /// <summary>Where run.sh publishes a project (<c>dotnet publish -c Release -o bin/Release/publish</c>).</summary>
    private string Published(string projectDirectory) =>
        Path.Combine(_options.Root, projectDirectory, "bin", "Release", "publish");

    private string Binary(string projectDirectory, string assembly) =>
        Path.Combine(_options.Root, projectDirectory, "bin", "Release", "net10.0", assembly);

    private static string Url(int port) => $"http://127.0.0.1:{port}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
