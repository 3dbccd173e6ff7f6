namespace FunctionGateway.Hosting;

/// <summary>How often the config watcher polls its source, and how often it reloads to pick up rotated secrets.</summary>
public sealed record ConfigWatcherOptions
{
    /// <summary><c>Gateway:Config:PollSeconds</c>, default 30 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Gateway:Secrets:RefreshSeconds</c>, default 300 s; zero reads secrets only when the config changes.</summary>
    public TimeSpan SecretRefreshInterval { get; init; } = TimeSpan.FromSeconds(300);
}
