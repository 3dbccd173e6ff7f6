using FunctionGateway.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using FunctionGateway.Configuration;
using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Engine;

/// <summary>
/// Turns config text into a runtime: parse, resolve <c>$env</c>/<c>$secret</c> references, read, validate,
/// build. Every step runs off the request path; any error leaves no runtime and says what and where.
/// Validation depends on the host (<see cref="GatewayHostOptions"/>); without options it is <c>gateway serve</c>'s.
/// </summary>
public sealed class GatewayConfigLoader(
    IConfiguration settings, ISecretSource secrets, RuntimeBuilder builder, TimeProvider timeProvider, IOptions<GatewayHostOptions>? hostOptions = null)
{
    private readonly GatewayHostKind _host = hostOptions?.Value.Kind ?? GatewayHostKind.Standalone;

    /// <summary>Loads a config with every check, warnings included: what the tools report.</summary>
    public Task<ConfigLoadResult> LoadAsync(string text, string source, string tag, CancellationToken cancellationToken = default) =>
        LoadAsync(text, source, tag, lintLater: false, cancellationToken);

    /// <summary>
    /// Loads a config to serve it: only the checks that can find an error run before the runtime is built;
    /// the warnings of the others are left to <see cref="ConfigLoadResult.LaterWarnings"/>, to ask once it is live.
    /// </summary>
    public Task<ConfigLoadResult> LoadToServeAsync(string text, string source, string tag, CancellationToken cancellationToken = default) =>
        LoadAsync(text, source, tag, lintLater: true, cancellationToken);

    private async Task<ConfigLoadResult> LoadAsync(string text, string source, string tag, bool lintLater, CancellationToken cancellationToken)
    {
        var check = await ConfigChecker.CheckAsync(text, settings, secrets, _host, lintLater, cancellationToken);
        if (!check.IsValid)
        {
            return new ConfigLoadResult(null, check);
        }

        var runtime = builder.Build(check.Config!, new ConfigVersion(source, tag, timeProvider.GetUtcNow()));
        return new ConfigLoadResult(runtime, check);
    }
}
