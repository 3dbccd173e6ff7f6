using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Secrets;
using FunctionGateway.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionGateway.Hosting;

/// <summary>
/// Polls the config source and publishes each new valid version, off the request path. A version that
/// fails to load is rejected and the previous one keeps serving (last known good); with nothing to serve
/// yet, the cause goes to <see cref="GatewayRuntimeHolder.ReportUnavailable"/> so requests get a 503 naming it.
/// The first load starts before the host's server does, and requests that arrive before it ends wait for it
/// (<see cref="ConfigWatcherOptions.StartupWait"/>).
/// </summary>
public sealed class ConfigWatcher(IConfigSource source, GatewayConfigLoader loader, GatewayRuntimeHolder holder,
    ISecretSource secrets, IOptions<ConfigWatcherOptions> options, TimeProvider timeProvider, ILogger<ConfigWatcher> logger)
    : BackgroundService, IHostedLifecycleService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConfigWatcherOptions _timing = options.Value;
    private volatile ConfigWatcherStatus _status = new() { Source = source.Name };

    // The version served, its text (reloaded to pick up rotated secrets) and the last tag read, which may
    // be a rejected version: asking the source for anything newer than it keeps a bad edit from being
    // re-parsed and re-logged at every poll.
    private string? _servedText;
    private string? _servedTag;
    private string? _seenTag;

    // The served version's secrets as last read, and when: a refresh reloads only when they changed.
    private byte[]? _secretsFingerprint;
    private DateTimeOffset _secretsCheckedAt;

    // The logging of the last load's later warnings (see LoadAsync), for a test to await.
    private Task _laterWarningsLogged = Task.CompletedTask;

    private readonly TaskCompletionSource<ConfigLoadResult?> _firstCheck = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConfigWatcherStatus Status => _status;

    /// <summary>
    /// The result of the first poll, which starts with the host: what <c>gateway serve</c> waits for to refuse a
    /// config file it cannot serve. Null when the source could not be read (<see cref="Status"/> says why).
    /// </summary>
    public Task<ConfigLoadResult?> FirstCheck => _firstCheck.Task;

    internal Task LaterWarningsLogged => _laterWarningsLogged;

    /// <summary>
    /// Starts polling, the first load included, as the host starts and before any hosted service's
    /// <c>StartAsync</c> (the web server's among them), without holding up the start.
    /// </summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        holder.BeginFirstLoad(source.Name, _timing.StartupWait, timeProvider);
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Started in <see cref="StartingAsync"/>.</summary>
    public override Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    /// <summary>One poll: reads the source and loads what changed. Returns the load's result, or null when nothing was loaded.</summary>
    public async Task<ConfigLoadResult?> CheckAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var result = await CheckCoreAsync(cancellationToken);
            _firstCheck.TrySetResult(result);
            return result;
        }
        catch (Exception ex)
        {
            _firstCheck.TrySetException(ex);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The watcher must outlive any one bad check: the gateway keeps serving and the next poll retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                HostingLog.CheckFailed(logger, source.Name, ex);
                holder.ReportUnavailable($"loading the config from {source.Name} failed unexpectedly ({ex.GetType().Name}); see the log");
            }

            try
            {
                await Task.Delay(_timing.PollInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<ConfigLoadResult?> CheckCoreAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        ConfigSnapshot? snapshot;
        try
        {
            snapshot = await source.ReadAsync(_seenTag, cancellationToken);
        }
        catch (ConfigSourceException ex)
        {
            if (_status.SourceError != ex.Message)
            {
                var serving = Serving();
                HostingLog.SourceFailed(logger, serving, ex.Message);
            }

            holder.ReportUnavailable(ex.Message);
            _status = _status with { LastCheckedAt = now, SourceError = ex.Message };
            return null;
        }

        if (_status.SourceError is not null)
        {
            HostingLog.SourceRecovered(logger, source.Name);
        }

        _status = _status with { LastCheckedAt = now, SourceError = null };
        if (snapshot is null)
        {
            if (_servedText is null || !SecretsDue(now) || !await SecretsChangedAsync(now, cancellationToken))
            {
                return null;
            }

            snapshot = new ConfigSnapshot(_servedText, _servedTag!);
        }

        return await LoadAsync(snapshot, now, cancellationToken);
    }

    private bool RefreshesSecrets => _timing.SecretRefreshInterval > TimeSpan.Zero && SecretNames().Any();

    private bool SecretsDue(DateTimeOffset now) => RefreshesSecrets && now - _secretsCheckedAt >= _timing.SecretRefreshInterval;

    private async Task<bool> SecretsChangedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        _secretsCheckedAt = now;
        var fingerprint = await SecretsFingerprint.ComputeAsync(secrets, SecretNames(), cancellationToken);
        return fingerprint is not null && (_secretsFingerprint is null || !fingerprint.AsSpan().SequenceEqual(_secretsFingerprint));
    }

    private IEnumerable<string> SecretNames() =>
        _status.References.Where(r => r.Kind == ConfigReferenceKind.Secret).Select(r => r.Name);

    private async Task<ConfigLoadResult> LoadAsync(ConfigSnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The checks that only warn run once the load is decided, off the start-up path; their warnings follow.
        var result = await loader.LoadToServeAsync(snapshot.Text, source.Name, snapshot.Tag, cancellationToken);
        foreach (var warning in result.Warnings)
        {
            HostingLog.ConfigWarning(logger, warning.Location, warning.Message);
        }

        if (result.Runtime is { } runtime)
        {
            holder.Publish(runtime);
            (_servedText, _servedTag, _seenTag) = (snapshot.Text, snapshot.Tag, snapshot.Tag);
            _status = _status with { Tag = snapshot.Tag, LoadedAt = runtime.Version.LoadedAt, References = result.References };
            if (RefreshesSecrets)
            {
                // Read after the load: a secret rotated in between is taken for the loaded value until
                // the next change, a window of one round trip to the vault.
                _secretsFingerprint = await SecretsFingerprint.ComputeAsync(secrets, SecretNames(), cancellationToken);
                _secretsCheckedAt = now;
            }

            var routeCount = runtime.Routes.InPriorityOrder().Count;
            HostingLog.ConfigLoaded(logger, source.Name, snapshot.Tag, routeCount);
            _laterWarningsLogged = LogLaterWarningsAsync(result);
            return result;
        }

        var errors = result.Errors.Select(e => e.ToString()).ToList();
        var serving = Serving();
        HostingLog.ConfigRejected(logger, snapshot.Tag, source.Name, serving, string.Join("; ", errors));
        _status = _status with { LastRejected = new RejectedConfig(snapshot.Tag, now, errors) };

        // A secret that could not be read may be readable at the next poll (vault outage): retry that
        // version. Any other error stays until the source holds a new version.
        if (!result.References.Any(r => r.Kind == ConfigReferenceKind.Secret && !r.Resolved))
        {
            _seenTag = snapshot.Tag;
        }

        // Any client may read this reason in a 503: it counts the errors; the log and the status endpoint list them.
        holder.ReportUnavailable($"config rejected: {errors.Count} error{(errors.Count == 1 ? "" : "s")}; see the gateway log or status endpoint");
        _laterWarningsLogged = LogLaterWarningsAsync(result);
        return result;
    }

    private async Task LogLaterWarningsAsync(ConfigLoadResult result)
    {
        try
        {
            foreach (var warning in await result.LaterWarnings)
            {
                HostingLog.ConfigWarning(logger, warning.Location, warning.Message);
            }
        }
#pragma warning disable CA1031 // Warnings never decide what is served: a failure to compute them is logged, not thrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            HostingLog.LaterChecksFailed(logger, source.Name, ex);
        }
    }

    private string Serving() => holder.Current is { } current
        ? $"keeping version {current.Version.Tag} loaded at {current.Version.LoadedAt:u}"
        : "no config to serve";
}
