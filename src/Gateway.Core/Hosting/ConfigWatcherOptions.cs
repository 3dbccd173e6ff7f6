namespace FunctionGateway.Hosting;

/// <summary>
/// How often the config watcher polls its source, how often it reloads to pick up rotated secrets, and how long
/// requests wait for the first load: the checked <c>Gateway:*</c> settings (<see cref="GatewaySettings.Watcher"/>).
/// </summary>
public sealed class ConfigWatcherOptions
{
    /// <summary><c>Gateway:Config:PollSeconds</c>, default 30 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Gateway:Secrets:RefreshSeconds</c>, default 300 s; zero reads secrets only when the config changes.</summary>
    public TimeSpan SecretRefreshInterval { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary><c>Gateway:Config:StartupWaitSeconds</c>, default 15 s; zero answers 503 at once until the first load ends.</summary>
    public TimeSpan StartupWait { get; set; } = TimeSpan.FromSeconds(15);
}
