using FunctionGateway.Model;
using FunctionGateway.Secrets;
using Microsoft.Extensions.Configuration;

namespace FunctionGateway.Configuration;

/// <summary>
/// Turns config text into a runtime: parse, resolve <c>$env</c>/<c>$secret</c> references, read, validate,
/// build. Every step runs off the request path; any error leaves no runtime and says what and where.
/// </summary>
public sealed class GatewayConfigLoader(IConfiguration settings, ISecretSource secrets, RuntimeBuilder builder, TimeProvider timeProvider)
{
    public async Task<ConfigLoadResult> LoadAsync(string text, string source, string tag, CancellationToken cancellationToken = default)
    {
        var issues = new List<ConfigIssue>();
        var root = ConfigParser.Parse(text, issues);
        if (root is null)
        {
            return new ConfigLoadResult(null, issues, []);
        }

        var references = await new ReferenceResolver(settings, secrets).ResolveAsync(root, issues, cancellationToken);
        var config = ConfigReader.Read(root, issues);
        ConfigValidator.Validate(config, issues);
        if (issues.Any(i => i.Severity == ConfigSeverity.Error))
        {
            return new ConfigLoadResult(null, issues, references);
        }

        var runtime = builder.Build(config, new ConfigVersion(source, tag, timeProvider.GetUtcNow()));
        return new ConfigLoadResult(runtime, issues, references);
    }
}
