using FunctionGateway.Azure.Tests.Hosting;
using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Azure.Secrets;
using FunctionGateway.Secrets;
using FunctionGateway.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Azure.Tests.KeyVault;

/// <summary>
/// The config watcher with Key Vault secrets: rotation without a config change, outages, late secrets. The refresh
/// interval passes on a fake clock: a check before it is over reads no secret, one after it does.
/// </summary>
public sealed class SecretReloadTests : IAsyncLifetime
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(5);

    private const string Config = """
        {
          "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "algorithm": "HS256" },
          "paths": [ { "method": "GET", "path": "/health", "response": { "status": "ok" } } ]
        }
        """;

    private readonly string _configFile = Path.GetTempFileName();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private FakeKeyVault _vault = null!;

    public async Task InitializeAsync()
    {
        _vault = await FakeKeyVault.StartAsync();
        await File.WriteAllTextAsync(_configFile, Config);
    }

    public async Task DisposeAsync()
    {
        await _vault.DisposeAsync();
        File.Delete(_configFile);
    }

    [Fact]
    public async Task CheckAsync_SecretRotatedAfterRefreshInterval_PublishesNewValueWithoutConfigChange()
    {
        _vault.Secrets["JWT-SECRET"] = "first-signing-secret-at-least-32-bytes";
        var (services, watcher) = Create(refresh: Refresh);
        using var _ = services;
        await watcher.CheckAsync(CancellationToken.None);

        _vault.Secrets["JWT-SECRET"] = "rotated-signing-secret-at-least-32-bytes";
        _time.Advance(Refresh - TimeSpan.FromSeconds(1));
        await watcher.CheckAsync(CancellationToken.None);
        var beforeRefresh = Holder(services).Current!.Config.Authorizer!.Secret;
        _time.Advance(TimeSpan.FromSeconds(1));
        await watcher.CheckAsync(CancellationToken.None);

        Assert.Equal("first-signing-secret-at-least-32-bytes", beforeRefresh);
        Assert.Equal("rotated-signing-secret-at-least-32-bytes", Holder(services).Current!.Config.Authorizer!.Secret);
    }

    [Fact]
    public async Task CheckAsync_SecretsUnchangedAtRefresh_KeepsSameRuntime()
    {
        _vault.Secrets["JWT-SECRET"] = "first-signing-secret-at-least-32-bytes";
        var (services, watcher) = Create(refresh: Refresh);
        using var _ = services;
        await watcher.CheckAsync(CancellationToken.None);
        var loaded = Holder(services).Current;
        var readsAfterLoad = _vault.Requests.Count;

        await watcher.CheckAsync(CancellationToken.None);
        var readsBeforeRefresh = _vault.Requests.Count;
        _time.Advance(Refresh);
        await watcher.CheckAsync(CancellationToken.None);

        Assert.Same(loaded, Holder(services).Current);
        Assert.Equal(readsAfterLoad, readsBeforeRefresh);
        Assert.True(_vault.Requests.Count > readsAfterLoad, "the refresh did not read the vault");
    }

    [Fact]
    public async Task CheckAsync_RefreshDisabled_KeepsValueUntilConfigChanges()
    {
        _vault.Secrets["JWT-SECRET"] = "first-signing-secret-at-least-32-bytes";
        var (services, watcher) = Create(refresh: TimeSpan.Zero);
        using var _ = services;
        await watcher.CheckAsync(CancellationToken.None);

        _vault.Secrets["JWT-SECRET"] = "rotated-signing-secret-at-least-32-bytes";
        await watcher.CheckAsync(CancellationToken.None);
        var beforeEdit = Holder(services).Current!.Config.Authorizer!.Secret;
        await File.WriteAllTextAsync(_configFile, Config + " ");
        await watcher.CheckAsync(CancellationToken.None);

        Assert.Equal("first-signing-secret-at-least-32-bytes", beforeEdit);
        Assert.Equal("rotated-signing-secret-at-least-32-bytes", Holder(services).Current!.Config.Authorizer!.Secret);
    }

    [Fact]
    public async Task CheckAsync_VaultDownAtRefresh_KeepsServingLastGoodSecret()
    {
        _vault.Secrets["JWT-SECRET"] = "first-signing-secret-at-least-32-bytes";
        var (services, watcher) = Create(refresh: Refresh);
        using var _ = services;
        await watcher.CheckAsync(CancellationToken.None);

        await _vault.DisposeAsync();
        _time.Advance(Refresh);
        await watcher.CheckAsync(CancellationToken.None);

        Assert.Equal("first-signing-secret-at-least-32-bytes", Holder(services).Current!.Config.Authorizer!.Secret);
        Assert.Null(watcher.Status.LastRejected);
        Assert.Equal(SecretState.Stale, Assert.Single(((KeyVaultSecretSource)services.GetRequiredService<ISecretSource>()).States).State);
    }

    [Fact]
    public async Task CheckAsync_SecretMissingAtStartThenCreated_ReportsCauseThenServes()
    {
        var (services, watcher) = Create(refresh: TimeSpan.Zero);
        using var _ = services;

        await watcher.CheckAsync(CancellationToken.None);
        var reason = Holder(services).UnavailableReason;
        var rejected = watcher.Status.LastRejected;
        _vault.Secrets["JWT-SECRET"] = "late-signing-secret-at-least-32-bytes";
        await watcher.CheckAsync(CancellationToken.None);

        Assert.Equal("config rejected: 1 error; see the gateway log or status endpoint", reason);
        Assert.Equal([$"authorizer.secret: unresolved reference '$secret.JWT_SECRET': no secret named 'JWT_SECRET' in Key Vault '{_vault.Uri}'"], rejected!.Errors);
        Assert.Equal("late-signing-secret-at-least-32-bytes", Holder(services).Current!.Config.Authorizer!.Secret);
    }

    private (ServiceProvider Services, ConfigWatcher Watcher) Create(TimeSpan refresh)
    {
        var secrets = new KeyVaultSecretSource(_vault.CreateClient(), new ConfigurationBuilder().Build(), _time,
            NullLogger<KeyVaultSecretSource>.Instance, TimeSpan.FromSeconds(5));
        var services = EngineServices.Create(secrets);
        var watcher = new ConfigWatcher(new FileConfigSource(_configFile), services.Loader(), Holder(services), secrets,
            Options.Create(new ConfigWatcherOptions { SecretRefreshInterval = refresh }), _time, NullLogger<ConfigWatcher>.Instance);
        return (services, watcher);
    }

    private static GatewayRuntimeHolder Holder(ServiceProvider services) => services.GetRequiredService<GatewayRuntimeHolder>();
}
