using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace FunctionGateway.Functions;

/// <summary>
/// Builds the tracer provider as the host starts, before the config watcher's first load (which starts in the
/// same phase, registered after this): otherwise the provider is built by OpenTelemetry's own hosted service, after
/// that load, and the load's dependency calls would not be traced. Logs need nothing: their provider is built
/// with the logger factory.
/// </summary>
internal sealed class TelemetryStart(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        services.GetService<TracerProvider>();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
