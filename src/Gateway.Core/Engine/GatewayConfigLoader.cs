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

    public async Task<ConfigLoadResult> LoadAsync(string text, string source, string tag, CancellationToken cancellationToken = default)
    {
        var check = await ConfigChecker.CheckAsync(text, settings, secrets, _host, cancellationToken);
        if (!check.IsValid)
        {
            return new ConfigLoadResult(null, check);
        }

        var runtime = builder.Build(check.Config!, new ConfigVersion(source, tag, timeProvider.GetUtcNow()));
        return new ConfigLoadResult(runtime, check);
    }
}
