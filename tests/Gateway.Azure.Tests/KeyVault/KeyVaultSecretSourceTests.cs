using FunctionGateway.Azure.Tests.Hosting;
using FunctionGateway.Azure.Secrets;
using FunctionGateway.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Azure.Tests.KeyVault;

public sealed class KeyVaultSecretSourceTests : IAsyncLifetime
{
    private const string Config = """
        {
          "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "algorithm": "HS256" },
          "paths": [ { "method": "GET", "path": "/health", "response": { "status": "ok" } } ]
        }
        """;

    private FakeKeyVault _vault = null!;

    public async Task InitializeAsync() => _vault = await FakeKeyVault.StartAsync();

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Fact]
    public async Task GetSecretAsync_UnderscoreName_ReadsDashedNameWithVaultToken()
    {
        _vault.Secrets["JWT-SECRET"] = "from-the-vault";
        var credential = new StaticTokenCredential();
        var source = CreateSource(credential: credential);

        var value = await source.GetSecretAsync("JWT_SECRET", CancellationToken.None);

        Assert.Equal("from-the-vault", value);
        Assert.Contains("https://vault.azure.net/.default", credential.Scopes);
        Assert.Contains(_vault.Requests, r => r.StartsWith("GET /secrets/JWT-SECRET", StringComparison.Ordinal));
        var state = Assert.Single(source.States);
        Assert.Equal(("JWT_SECRET", "JWT-SECRET", SecretState.Ok, "Key Vault"), (state.Name, state.VaultName, state.State, state.From));
    }

    [Fact]
    public async Task LoadAsync_SecretReference_ResolvesFromVaultAndReadsOnlyThatSecret()
    {
        _vault.Secrets["JWT-SECRET"] = "signing-secret-from-the-vault-32-bytes";
        _vault.Secrets["UNRELATED-SECRET"] = "never-read";
        using var services = EngineServices.Create(CreateSource());

        var result = await services.Loader().LoadAsync(Config, "test", "v1");

        Assert.Empty(result.Errors);
        Assert.Equal("signing-secret-from-the-vault-32-bytes", result.Runtime!.Config.Authorizer!.Secret);
        var reads = _vault.Requests.Where(r => r.Contains("/secrets", StringComparison.Ordinal)).Distinct().ToList();
        Assert.All(reads, r => Assert.StartsWith("GET /secrets/JWT-SECRET", r, StringComparison.Ordinal));
        Assert.DoesNotContain(_vault.Requests, r => r.TrimEnd('/') == "GET /secrets");
    }

    [Fact]
    public async Task LoadAsync_SecretRotated_NextLoadUsesNewValue()
    {
        _vault.Secrets["JWT-SECRET"] = "first-signing-secret-at-least-32-bytes";
        using var services = EngineServices.Create(CreateSource());
        var first = await services.Loader().LoadAsync(Config, "test", "v1");

        _vault.Secrets["JWT-SECRET"] = "rotated-signing-secret-at-least-32-bytes";
        var second = await services.Loader().LoadAsync(Config, "test", "v1");

        Assert.Equal("first-signing-secret-at-least-32-bytes", first.Runtime!.Config.Authorizer!.Secret);
        Assert.Equal("rotated-signing-secret-at-least-32-bytes", second.Runtime!.Config.Authorizer!.Secret);
    }

    [Fact]
    public async Task GetSecretAsync_VaultDownAfterGoodRead_KeepsLastGoodValueAndReportsStale()
    {
        _vault.Secrets["JWT-SECRET"] = "last-good";
        var source = CreateSource();
        await source.GetSecretAsync("JWT_SECRET", CancellationToken.None);

        await _vault.DisposeAsync();
        var value = await source.GetSecretAsync("JWT_SECRET", CancellationToken.None);

        Assert.Equal("last-good", value);
        var state = Assert.Single(source.States);
        Assert.Equal(SecretState.Stale, state.State);
        Assert.Contains("the vault is unreachable", state.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_VaultHangsWithNothingCached_FailsWithinTimeoutNamingVaultAndSecret()
    {
        _vault.Hang = true;
        var time = new FakeTimeProvider();
        var source = CreateSource(timeout: TimeSpan.FromSeconds(1), time: time);

        var reading = source.GetSecretAsync("JWT_SECRET", CancellationToken.None).AsTask();
        await _vault.Hanging.Task;
        var doneBeforeTimeout = reading.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<SecretSourceException>(() => reading);

        Assert.False(doneBeforeTimeout);
        Assert.Equal($"Key Vault '{_vault.Uri}' could not be read for secret 'JWT-SECRET': no answer within 1 s", error.Message);
        Assert.Equal(SecretState.Failed, Assert.Single(source.States).State);
    }

    [Fact]
    public async Task GetSecretAsync_IdentityWithoutGetPermission_FailsNamingPermission()
    {
        _vault.Secrets["JWT-SECRET"] = "unreadable";
        _vault.Forbidden = true;
        var source = CreateSource();

        var error = await Assert.ThrowsAsync<SecretSourceException>(() => source.GetSecretAsync("JWT_SECRET", CancellationToken.None).AsTask());

        Assert.Equal($"Key Vault '{_vault.Uri}' could not be read for secret 'JWT-SECRET': the vault answered 403 Forbidden (the identity needs the 'get' secret permission)", error.Message);
    }

    [Fact]
    public async Task LoadAsync_VaultDownAtStart_ConfigErrorNamesVaultAndSecret()
    {
        var source = CreateSource();
        await _vault.DisposeAsync();
        using var services = EngineServices.Create(source);

        var result = await services.Loader().LoadAsync(Config, "test", "v1");

        Assert.Null(result.Runtime);
        var error = result.Errors.First();
        Assert.Equal("authorizer.secret", error.Location);
        Assert.StartsWith($"unresolved reference '$secret.JWT_SECRET': Key Vault '{_vault.Uri}' could not be read for secret 'JWT-SECRET': the vault is unreachable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_SecretNotInVaultNorSettings_ReturnsNullAndReportsMissing()
    {
        var source = CreateSource();

        var value = await source.GetSecretAsync("MISSING_SECRET", CancellationToken.None);

        Assert.Null(value);
        var state = Assert.Single(source.States);
        Assert.Equal(SecretState.Missing, state.State);
        Assert.Equal("no secret 'MISSING-SECRET' in the vault (404) and no app setting 'MISSING_SECRET'", state.Error);
    }

    [Fact]
    public async Task LoadAsync_SecretNotFound_ErrorNamesSecretAndVault()
    {
        using var services = EngineServices.Create(CreateSource());

        var result = await services.Loader().LoadAsync(Config, "test", "v1");

        var error = result.Errors.First();
        Assert.Equal($"authorizer.secret: unresolved reference '$secret.JWT_SECRET': no secret named 'JWT_SECRET' in Key Vault '{_vault.Uri}'", error.ToString());
    }

    [Fact]
    public async Task GetSecretAsync_SecretNotInVaultButInSettings_FallsBackToSetting()
    {
        var source = CreateSource(new Dictionary<string, string?> { ["JWT_SECRET"] = "from-app-settings" });

        var value = await source.GetSecretAsync("JWT_SECRET", CancellationToken.None);

        Assert.Equal("from-app-settings", value);
        Assert.Equal("app setting", Assert.Single(source.States).From);
    }

    private KeyVaultSecretSource CreateSource(IDictionary<string, string?>? settings = null, StaticTokenCredential? credential = null, TimeSpan? timeout = null,
        TimeProvider? time = null) =>
        new(_vault.CreateClient(credential),
            new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build(),
            time ?? TimeProvider.System, NullLogger<KeyVaultSecretSource>.Instance, timeout ?? TimeSpan.FromSeconds(10));
}
