using System.Globalization;
using System.Text;

namespace FunctionGateway.Load.Driver;

/// <summary>The run's table, its ratios and the targets of the load harness, as text.</summary>
internal static class Report
{
    private static readonly (string Name, string Numerator, string Denominator, double? Target)[] RatioDefinitions =
    [
        // The 2x target of the first round is retired: no .NET proxy reaches it on this hardware (the bare proxy row).
        ("gateway JWT / YARP + JwtBearer", "gateway-jwt", "baseline", null),
        ("gateway JWT / YARP no auth", "gateway-jwt", "yarp", 0.9),
        ("gateway JWT / direct", "gateway-jwt", "direct", null),
        // Every token new to the server: the gateway's cache cannot help, both check every signature.
        ("new tokens: gateway / JwtBearer", "gateway-fresh", "baseline-fresh", 1.25),
        // The ceiling of the 2x target: what the least a .NET proxy can do reaches against JwtBearer.
        ("bare proxy / YARP + JwtBearer", "bare", "baseline", null),
        ("gateway JWT / bare proxy", "gateway-jwt", "bare", null),
        ("gateway no auth / YARP no auth", "gateway-open", "yarp", null),
        ("gateway no auth / direct", "gateway-open", "direct", null),
        ("gateway static / minimal endpoint", "gateway-static", "minimal", 0.9),
        // The cost of a rate limit: the same proxied route, limited, over unlimited.
        ("limit in memory / no limit", "gateway-limited", "gateway-open", null),
        ("limit in Redis / no limit", "gateway-limited-redis", "gateway-open", null),
        // Under the Functions host (--functions), over an app of one function answering the same bytes.
        ("Functions: gateway static / empty app", "fn-gateway-static", "fn-empty", null),
        ("Functions: gateway JWT / empty app", "fn-gateway-jwt", "fn-empty", null),
        ("Functions: gateway proxied / empty app", "fn-gateway-open", "fn-empty", null),
    ];

    // p99 of the first row no worse than the second's, at each concurrency.
    private static readonly (string Name, string Subject, string Reference)[] LatencyDefinitions =
    [
        ("p99 gateway JWT vs YARP + JwtBearer", "gateway-jwt", "baseline"),
        ("p99 new tokens: gateway vs JwtBearer", "gateway-fresh", "baseline-fresh"),
    ];

    public const double StartupTarget = 1.3;

    public static List<Ratio> Ratios(IReadOnlyList<ScenarioResult> results)
    {
        var ratios = new List<Ratio>();
        foreach (var (name, numerator, denominator, target) in RatioDefinitions)
        {
            foreach (var top in results.Where(r => r.Key == numerator))
            {
                if (results.FirstOrDefault(r => r.Key == denominator && r.Connections == top.Connections) is { } bottom
                    && bottom.Wrk.RequestsPerSecond > 0)
                {
                    ratios.Add(new Ratio(name, top.Connections, top.Wrk.RequestsPerSecond / bottom.Wrk.RequestsPerSecond,
                        bottom.CpuUsPerRequest / Math.Max(0.001, top.CpuUsPerRequest), target));
                }
            }
        }

        return ratios;
    }

    public static string Render(IReadOnlyList<ScenarioResult> results, IReadOnlyList<Ratio> ratios, IReadOnlyList<StartupComparison> startups)
    {
        var text = new StringBuilder();
        text.AppendLine(Row("scenario", "conns", "req/s", "p50 ms", "p99 ms", "cpu us/req", "errors", "peak RSS MiB"));
        text.AppendLine(new string('-', 103));
        foreach (var r in results)
        {
            text.AppendLine(Row(r.Label, Number(r.Connections), Number(r.Wrk.RequestsPerSecond), Ms(r.Wrk.LatencyUs.P50), Ms(r.Wrk.LatencyUs.P99),
                r.CpuUsPerRequest.ToString("F1", CultureInfo.InvariantCulture), Number(r.Wrk.ErrorCount), r.PeakRssMib.ToString("F1", CultureInfo.InvariantCulture)));
        }

        text.AppendLine();
        text.AppendLine("ratios                                   conns  req/s  cpu/req  target (on req/s)");
        foreach (var ratio in ratios)
        {
            var verdict = ratio.Target is { } t ? $">= {t:0.0#} {(ratio.Met == true ? "met" : "MISSED")}" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"{ratio.Name,-40} {ratio.Connections,5} {ratio.Value,6:F2} {ratio.CpuValue,8:F2}  {verdict}");
        }

        foreach (var (name, subject, reference) in LatencyDefinitions)
        {
            foreach (var top in results.Where(r => r.Key == subject))
            {
                if (results.FirstOrDefault(r => r.Key == reference && r.Connections == top.Connections) is { } bottom)
                {
                    var met = top.Wrk.LatencyUs.P99 <= bottom.Wrk.LatencyUs.P99 ? "met" : "MISSED";
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"{name,-40} {top.Connections,5} {Ms(top.Wrk.LatencyUs.P99),7} vs {Ms(bottom.Wrk.LatencyUs.P99)} ms  {met}");
                }
            }
        }

        if (startups.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("start-up to first 200 (median of the runs)");
        }

        foreach (var startup in startups)
        {
            var verdict = startup.Target is { } target ? $" (target <= {target:F1} {(startup.Met == true ? "met" : "MISSED")})" : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{startup.Name}: {startup.Subject.MedianMs:F0} ms vs {startup.Reference.MedianMs:F0} ms, ratio {startup.Ratio:F2}{verdict}");
        }

        var errors = results.Sum(r => r.Wrk.ErrorCount);
        text.AppendLine(errors == 0 ? "errors: none" : $"errors: {errors} in all (see the table)");
        return text.ToString();
    }

    public static string RenderSoak(SoakResult soak) =>
        string.Create(CultureInfo.InvariantCulture,
            $"soak: {soak.Samples.Count} samples; RSS {soak.EarlyRssMib:F1} MiB early, {soak.LateRssMib:F1} MiB late " +
            $"(growth {soak.GrowthMib:+0.0;-0.0} MiB, {(soak.Flat ? "flat" : "GROWING")}), peak {soak.PeakRssMib:F1} MiB; " +
            $"mean {soak.Samples.Average(s => s.RequestsPerSecond):F0} req/s; errors {soak.Errors}");

    private static string Row(string label, string conns, string rps, string p50, string p99, string cpu, string errors, string rss) =>
        $"{label,-28} {conns,6} {rps,10} {p50,8} {p99,8} {cpu,10} {errors,8} {rss,14}";

    private static string Number(double value) => value.ToString("F0", CultureInfo.InvariantCulture);

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString("F2", CultureInfo.InvariantCulture);
}
