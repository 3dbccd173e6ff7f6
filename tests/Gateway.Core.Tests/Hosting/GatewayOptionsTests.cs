using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionGateway.Tests.Hosting;

/// <summary>The <c>Gateway:*</c> settings through the options the hosts register: bound, checked all at once, typed.</summary>
public sealed class GatewayOptionsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddGatewayEngine()
            .AddGatewayConfigWatcher()
            .BuildServiceProvider();
    }

    private static readonly Dictionary<string, string?> BadSettings = new()
    {
        ["Gateway:Config:BlobUri"] = "http://acct.blob.core.windows.net/gateway/gateway.json?sig=SECRET",
        ["Gateway:Config:PollSeconds"] = "0",
        ["Gateway:Secrets:RefreshSeconds"] = "later",
        ["Gateway:KeyVault:Uri"] = "my-vault",
        ["Gateway:Status:Key"] = "short-key",
    };

    private static readonly string[] BadSettingProblems =
    [
        "Gateway:Config:BlobUri is 'http://acct.blob.core.windows.net/gateway/gateway.json?(query hidden)': expected an absolute https:// URI",
        "Gateway:Status:Key is shorter than 16 characters: use a long random value, such as the output of 'openssl rand -hex 32'",
        "Gateway:KeyVault:Uri is 'my-vault': expected an absolute https:// URI",
        "Gateway:Config:PollSeconds is '0': expected a number of seconds above 0 up to 86400 (default 30)",
        "Gateway:Secrets:RefreshSeconds is 'later': expected a number of seconds from 0 up to 86400 (default 300)",
    ];

    [Fact]
    public void Options_SeveralBadSettings_ValidationFailsNamingEveryOne()
    {
        using var services = Services(BadSettings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GatewayOptions>>().Value);

        Assert.Equal(BadSettingProblems, error.Failures);
        Assert.DoesNotContain(error.Failures, f => f.Contains("SECRET", StringComparison.Ordinal) || f.Contains("short-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfigSource_SeveralBadSettings_FailsWithEveryProblemAsThe503Cause()
    {
        using var services = Services(BadSettings);

        var error = await Assert.ThrowsAsync<ConfigSourceException>(() =>
            services.GetRequiredService<IConfigSource>().ReadAsync(null, CancellationToken.None));

        Assert.Equal(string.Join("; ", BadSettingProblems), error.Message);
        Assert.Equal(BadSettingProblems, services.GetRequiredService<GatewaySettings>().Problems);
    }

    [Fact]
    public void Options_GoodSettings_BoundAndTyped()
    {
        using var services = Services(new()
        {
            ["Gateway:Config:Path"] = "gateway.json",
            ["Gateway:Config:PollSeconds"] = "2.5",
            ["Gateway:Config:StartupWaitSeconds"] = "0",
            ["Gateway:Secrets:RefreshSeconds"] = "60",
            ["Gateway:Status:Path"] = "/.gateway/status",
            ["Gateway:Forwarding:TrustedProxies"] = "10.0.0.0/8",
        });

        var options = services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var timing = services.GetRequiredService<IOptions<ConfigWatcherOptions>>().Value;

        Assert.Equal(("gateway.json", "2.5", "10.0.0.0/8"), (options.Config.Path, options.Config.PollSeconds, options.Forwarding.TrustedProxies));
        Assert.Equal((TimeSpan.FromSeconds(2.5), TimeSpan.Zero, TimeSpan.FromSeconds(60)), (timing.PollInterval, timing.StartupWait, timing.SecretRefreshInterval));
        Assert.IsType<FileConfigSource>(services.GetRequiredService<IConfigSource>());
        Assert.IsType<GatewayStatusEndpoint>(services.GetService<IGatewayStatusEndpoint>());
    }

    [Fact]
    public void StatusEndpoint_PathNotSet_NotRegistered()
    {
        using var services = Services(new());

        Assert.Null(services.GetService<IGatewayStatusEndpoint>());
    }
}
