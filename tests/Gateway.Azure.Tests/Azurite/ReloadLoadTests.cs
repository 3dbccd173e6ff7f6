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
            ["Gateway:Status:Path"] = "/.gateway/status",
        });

        // A bound on a broken run, not a measure: the test ends when both versions have answered.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var sent = 0;
        var reloaded = 0;
        var seen = new int[3];
        var answered = new[] { new TaskCompletionSource(), new TaskCompletionSource(), new TaskCompletionSource() };
        var failures = new List<string>();
        var load = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref sent) <= MaxRequests)
            {
                try
                {
                    var afterReload = Volatile.Read(ref reloaded) == 1;
                    using var response = await gateway.Client.GetAsync(new Uri("/stable", UriKind.Relative), stop.Token);
                    var version = response.StatusCode == HttpStatusCode.OK
                        ? (await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token)).GetProperty("version").GetString()
                        : null;
                    if (version is "2" || (version is "1" && !afterReload))
                    {
                        var v = int.Parse(version, System.Globalization.CultureInfo.InvariantCulture);
                        Interlocked.Increment(ref seen[v]);
                        answered[v].TrySetResult();
                    }
                    else
                    {
                        lock (failures)
                        {
                            failures.Add($"{(int)response.StatusCode} {version}{(afterReload ? " after the reload" : "")}");
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        })).ToList();

        await answered[1].Task.WaitAsync(stop.Token);
        await container.UploadAsync("gateway.json", GatewayConfigs.Version("2"));
        await gateway.PollAsync();
        Volatile.Write(ref reloaded, 1);
        await answered[2].Task.WaitAsync(stop.Token);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.True(seen[1] > 0 && seen[2] > 0, $"version 1: {seen[1]}, version 2: {seen[2]} responses");
    }
}
