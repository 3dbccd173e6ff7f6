using System.Globalization;

namespace FunctionGateway.Load.Driver;

/// <summary>The driver's command line: <c>--root DIR [--quick] [--limits] [--soak] [--soak-seconds N] [--gateway FILE] [--functions [--function-app DIR]] [--out DIR]</c>.</summary>
internal sealed record RunOptions
{
    public required string Root { get; init; }

    public required string OutDirectory { get; init; }

    public bool Quick { get; init; }

    /// <summary>Another build of the <c>gateway</c> executable to measure instead of this tree's, for before-and-after figures.</summary>
    public string? Gateway { get; init; }

    public bool Soak { get; init; }

    /// <summary>Only the rate limit rows: the proxied route unlimited, limited in memory and limited in Redis.</summary>
    public bool LimitsOnly { get; init; }

    public int SoakSeconds { get; init; } = 300;

    /// <summary>The Function App rows (<c>--functions</c>): the host they run under, or null without them.</summary>
    public FunctionsHost? Functions { get; init; }

    /// <summary>Another publish of the gateway's Function App to measure instead of this tree's, for before-and-after figures.</summary>
    public string? FunctionApp { get; init; }

    public IReadOnlyList<int> Connections => Quick ? [64] : [16, 64, 256];

    public TimeSpan Duration => TimeSpan.FromSeconds(Quick ? 3 : 8);

    public TimeSpan Warmup => TimeSpan.FromSeconds(Quick ? 3 : 5);

    public int StartupRuns => Quick ? 2 : 5;

    public static RunOptions Parse(string[] args)
    {
        string? root = null;
        string? output = null;
        string? gateway = null;
        var quick = false;
        var limits = false;
        var soak = false;
        var soakSeconds = 300;
        var functions = false;
        string? functionApp = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--root": root = Value(args, ref i); break;
                case "--out": output = Value(args, ref i); break;
                case "--quick": quick = true; break;
                case "--limits": limits = true; break;
                case "--gateway": gateway = Path.GetFullPath(Value(args, ref i)); break;
                case "--soak": soak = true; break;
                case "--functions": functions = true; break;
                case "--function-app": functionApp = Path.GetFullPath(Value(args, ref i)); break;
                case "--soak-seconds":
                    soakSeconds = int.TryParse(Value(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s >= 30
                        ? s : throw new ArgumentException("--soak-seconds must be a whole number of seconds, at least 30.");
                    break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: --root <repo> [--quick] [--limits] [--soak] [--soak-seconds N] [--gateway <executable>] [--functions [--function-app <publish folder>]] [--out <dir>]");
            }
        }

        root = Path.GetFullPath(root ?? throw new ArgumentException("--root <repository root> is required."));
        if (functionApp is not null && (!functions || !File.Exists(Path.Combine(functionApp, "FunctionGateway.dll"))))
        {
            throw new ArgumentException($"--function-app needs --functions and a published Function App (FunctionGateway.dll) in '{functionApp}'.");
        }

        return new RunOptions
        {
            Root = root,
            OutDirectory = Path.GetFullPath(output ?? Path.Combine(root, "benchmarks", "load", "results")),
            Quick = quick,
            LimitsOnly = limits,
            Soak = soak,
            SoakSeconds = soakSeconds,
            Functions = functions ? FunctionsHost.FromEnvironment() : null,
            FunctionApp = functionApp,
            Gateway = gateway is null || File.Exists(gateway) ? gateway : throw new ArgumentException($"--gateway: no file at '{gateway}'."),
        };
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
