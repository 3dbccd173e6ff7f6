using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FunctionGateway.Azure.Tests.Hosting;

namespace FunctionGateway.Azure.Tests.Azurite;

public sealed class ReloadLoadTests
{
    private const int Workers = 4;
    private const int MaxRequests = 20_000;

    [Fact]
    public async Task Serve_ReloadUnderLoad_NoFailedRequests()
    {
        var container = await Azurite.CreateContainerAsync();
        await container.UploadAsync("gateway.json", GatewayConfigs.Version("1"));
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Config:ConnectionString"] = Azurite.ConnectionString,
            ["Gateway:Config:Container"] = container.Name,
            ["Gateway:Config:Blob"] = "gateway.json",
            ["Gateway:Config:PollSeconds"] = "0.2",
            ["Gateway:Status:Path"] = "/.gateway/status",
        });
        await gateway.EventuallyAsync(() => BlobReloadTests.ServesAsync(gateway, "/stable", "1"), "serving version 1");

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var sent = 0;
        var seen = new int[3];
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var load = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref sent) <= MaxRequests)
            {
                try
                {
                    using var response = await gateway.Client.GetAsync(new Uri("/stable", UriKind.Relative), stop.Token);
                    var version = response.StatusCode == HttpStatusCode.OK
                        ? (await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token)).GetProperty("version").GetString()
                        : null;
                    if (version is "1" or "2")
                    {
                        Interlocked.Increment(ref seen[int.Parse(version, System.Globalization.CultureInfo.InvariantCulture)]);
                    }
                    else
                    {
                        lock (failures)
                        {
                            failures.Add($"{(int)response.StatusCode} {version}");
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        })).ToList();

        await Task.Delay(500);
        await container.UploadAsync("gateway.json", GatewayConfigs.Version("2"));
        await gateway.EventuallyAsync(() => Task.FromResult(Volatile.Read(ref seen[2]) > 0), "serving version 2 under load");
        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.True(seen[1] > 0 && seen[2] > 0, $"version 1: {seen[1]}, version 2: {seen[2]} responses");
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(25));
    }
}
