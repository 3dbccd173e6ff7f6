using System.Globalization;
using FunctionGateway.Integrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FunctionGateway.Hosting;

/// <summary>
/// The <c>Gateway:*</c> settings (<see cref="GatewayOptions"/>) checked and typed: where config and secrets come from,
/// the status endpoint, the trusted proxies, the watcher's timing. A setting with a bad value is a problem, not an
/// exception: under Functions the gateway starts and answers 503 naming it; <c>gateway serve</c> does not start.
/// </summary>
public sealed record GatewaySettings
{
    public const string ConfigPathKey = "Gateway:Config:Path";
    public const string BlobUriKey = "Gateway:Config:BlobUri";
    public const string ConnectionStringKey = "Gateway:Config:ConnectionString";
    public const string ContainerKey = "Gateway:Config:Container";
    public const string BlobKey = "Gateway:Config:Blob";
    public const string PollSecondsKey = "Gateway:Config:PollSeconds";
    public const string StartupWaitSecondsKey = "Gateway:Config:StartupWaitSeconds";
    public const string KeyVaultUriKey = "Gateway:KeyVault:Uri";
    public const string SecretRefreshSecondsKey = "Gateway:Secrets:RefreshSeconds";
    public const string StatusPathKey = "Gateway:Status:Path";
    public const string StatusKeyKey = "Gateway:Status:Key";

    /// <summary>A config file, as written in the setting; relative paths are resolved by the host (see <see cref="GatewayHostOptions"/>).</summary>
    public string? ConfigPath { get; init; }

    public Uri? BlobUri { get; init; }

    public string? ConnectionString { get; init; }

    public string? Container { get; init; }

    public string? Blob { get; init; }

    public Uri? KeyVaultUri { get; init; }

    public string? StatusPath { get; init; }

    /// <summary>The status endpoint's key, held as its hash only, so that no copy of the settings can print it.</summary>
    internal StatusKey? StatusKey { get; init; }

    public ConfigWatcherOptions Watcher { get; init; } = new();

    /// <summary>The proxies of <see cref="TrustedProxies.SettingKey"/>; none when the setting is bad.</summary>
    internal TrustedProxies TrustedProxies { get; init; } = TrustedProxies.None;

    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True when the settings name a blob, by URI or by connection string.</summary>
    public bool HasBlob => BlobUri is not null || ConnectionString is not null;

    /// <summary>The settings in <paramref name="configuration"/>, bound as the hosts bind them; for the commands that run no host.</summary>
    public static GatewaySettings Read(IConfiguration configuration) => From(GatewayOptions.Bind(configuration));

    /// <summary>
    /// The host's settings: checked by <see cref="GatewayOptionsValidator"/>, or, when it failed, the defaults with
    /// its problems, which the gateway then serves as its 503 cause.
    /// </summary>
    public static GatewaySettings From(IOptions<GatewayOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return From(options.Value);
        }
        catch (OptionsValidationException e) when (e.OptionsType == typeof(GatewayOptions))
        {
            return new GatewaySettings { Problems = [.. e.Failures] };
        }
    }

    public static GatewaySettings From(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = options.Config;
        var problems = new List<string>();
        var connectionString = NullIfBlank(config.ConnectionString);
        var container = NullIfBlank(config.Container);
        var blob = NullIfBlank(config.Blob);
        var blobUri = ReadUri(config.BlobUri, BlobUriKey, problems);
        if (blobUri is null && connectionString is not null && (container is null || blob is null))
        {
            problems.Add($"{ConnectionStringKey} is set but {(container is null ? ContainerKey : BlobKey)} is not: " +
                "a connection string needs the container and the blob name of the config");
        }

        var configPath = NullIfBlank(config.Path);
        if (configPath is not null && (blobUri is not null || connectionString is not null))
        {
            problems.Add($"{ConfigPathKey} and {(blobUri is not null ? BlobUriKey : ConnectionStringKey)} are both set: " +
                "the config comes from one source, a file or a blob; unset one of them");
        }

        var statusPath = NullIfBlank(options.Status.Path);
        if (statusPath is not null && !statusPath.StartsWith('/'))
        {
            problems.Add($"{StatusPathKey} is '{statusPath}': expected a path starting with '/', such as '/.gateway/status'");
            statusPath = null;
        }

        var trustedProxies = TrustedProxies.Parse(options.Forwarding.TrustedProxies, out var proxiesProblem);
        if (trustedProxies is null)
        {
            problems.Add(proxiesProblem!);
        }

        // An app setting that is a Key Vault reference the platform could not resolve keeps its literal text,
        // which the public template shows: such a key would open the endpoint to anyone who read the template.
        var keyValue = NullIfBlank(options.Status.Key);
        var statusKey = keyValue is null || keyValue.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase)
            ? null
            : StatusKey.From(keyValue);
        if (statusKey is { IsTooShort: true })
        {
            // The value itself is never echoed: this message becomes the 503's detail.
            problems.Add($"{StatusKeyKey} is shorter than {StatusKey.MinimumLength} characters: " +
                "use a long random value, such as the output of 'openssl rand -hex 32'");
            statusKey = null;
        }

        return new GatewaySettings
        {
            ConfigPath = configPath,
            BlobUri = blobUri,
            ConnectionString = connectionString,
            Container = container,
            Blob = blob,
            KeyVaultUri = ReadUri(options.KeyVault.Uri, KeyVaultUriKey, problems),
            StatusPath = statusPath,
            StatusKey = statusKey,
            TrustedProxies = trustedProxies ?? TrustedProxies.None,
            Watcher = new ConfigWatcherOptions
            {
                PollInterval = ReadSeconds(config.PollSeconds, PollSecondsKey, 30, allowZero: false, problems),
                SecretRefreshInterval = ReadSeconds(options.Secrets.RefreshSeconds, SecretRefreshSecondsKey, 300, allowZero: true, problems),
                StartupWait = ReadSeconds(config.StartupWaitSeconds, StartupWaitSecondsKey, 15, allowZero: true, problems),
            },
            Problems = problems,
        };
    }

    private static Uri? ReadUri(string? setting, string key, List<string> problems)
    {
        var value = NullIfBlank(setting);
        if (value is null)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
        {
            return uri;
        }

        // A SAS URL's query is a credential: never echo it, since this message becomes the 503's detail.
        var query = value.IndexOf('?', StringComparison.Ordinal);
        var shown = query < 0 ? value : value[..query] + "?(query hidden)";
        problems.Add($"{key} is '{shown}': expected an absolute https:// URI");
        return null;
    }

    private static TimeSpan ReadSeconds(string? setting, string key, double fallback, bool allowZero, List<string> problems)
    {
        var value = NullIfBlank(setting);
        if (value is null)
        {
            return TimeSpan.FromSeconds(fallback);
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && (seconds > 0 || (allowZero && seconds == 0)) && seconds <= 86_400)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        problems.Add($"{key} is '{value}': expected a number of seconds {(allowZero ? "from 0" : "above 0")} up to 86400 (default {fallback})");
        return TimeSpan.FromSeconds(fallback);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
