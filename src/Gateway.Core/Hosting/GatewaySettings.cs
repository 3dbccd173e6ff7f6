using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace FunctionGateway.Hosting;

/// <summary>
/// The <c>Gateway:*</c> settings that say where config and secrets come from. A setting with a bad value is
/// a problem, not an exception: the gateway starts and answers 503 naming it.
/// </summary>
public sealed record GatewaySettings
{
    public const string BlobUriKey = "Gateway:Config:BlobUri";
    public const string ConnectionStringKey = "Gateway:Config:ConnectionString";
    public const string ContainerKey = "Gateway:Config:Container";
    public const string BlobKey = "Gateway:Config:Blob";
    public const string PollSecondsKey = "Gateway:Config:PollSeconds";
    public const string StartupWaitSecondsKey = "Gateway:Config:StartupWaitSeconds";
    public const string KeyVaultUriKey = "Gateway:KeyVault:Uri";
    public const string SecretRefreshSecondsKey = "Gateway:Secrets:RefreshSeconds";
    public const string StatusPathKey = "Gateway:Status:Path";

    public Uri? BlobUri { get; init; }

    public string? ConnectionString { get; init; }

    public string? Container { get; init; }

    public string? Blob { get; init; }

    public Uri? KeyVaultUri { get; init; }

    public string? StatusPath { get; init; }

    public ConfigWatcherOptions Watcher { get; init; } = new();

    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True when the settings name a blob, by URI or by connection string.</summary>
    public bool HasBlob => BlobUri is not null || ConnectionString is not null;

    public static GatewaySettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var connectionString = NullIfBlank(configuration[ConnectionStringKey]);
        var container = NullIfBlank(configuration[ContainerKey]);
        var blob = NullIfBlank(configuration[BlobKey]);
        var blobUri = ReadUri(configuration, BlobUriKey, problems);
        if (blobUri is null && connectionString is not null && (container is null || blob is null))
        {
            problems.Add($"{ConnectionStringKey} is set but {(container is null ? ContainerKey : BlobKey)} is not: " +
                "a connection string needs the container and the blob name of the config");
        }

        var statusPath = NullIfBlank(configuration[StatusPathKey]);
        if (statusPath is not null && !statusPath.StartsWith('/'))
        {
            problems.Add($"{StatusPathKey} is '{statusPath}': expected a path starting with '/', such as '/.gateway/status'");
            statusPath = null;
        }

        return new GatewaySettings
        {
            BlobUri = blobUri,
            ConnectionString = connectionString,
            Container = container,
            Blob = blob,
            KeyVaultUri = ReadUri(configuration, KeyVaultUriKey, problems),
            StatusPath = statusPath,
            Watcher = new ConfigWatcherOptions
            {
                PollInterval = ReadSeconds(configuration, PollSecondsKey, 30, allowZero: false, problems),
                SecretRefreshInterval = ReadSeconds(configuration, SecretRefreshSecondsKey, 300, allowZero: true, problems),
                StartupWait = ReadSeconds(configuration, StartupWaitSecondsKey, 15, allowZero: true, problems),
            },
            Problems = problems,
        };
    }

    private static Uri? ReadUri(IConfiguration configuration, string key, List<string> problems)
    {
        var value = NullIfBlank(configuration[key]);
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

    private static TimeSpan ReadSeconds(IConfiguration configuration, string key, double fallback, bool allowZero, List<string> problems)
    {
        var value = NullIfBlank(configuration[key]);
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
