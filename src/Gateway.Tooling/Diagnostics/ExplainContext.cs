using FunctionGateway.Configuration;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>What the explanation knows of the loaded config besides its runtime: its references and where secrets came from.</summary>
/// <param name="References">The config's <c>$env</c>/<c>$secret</c> references, to name where a secret came from.</param>
/// <param name="SecretSourceName">Where <c>$secret</c> references were read, e.g. <c>app settings and environment variables</c>.</param>
public sealed record ExplainContext(IReadOnlyList<ConfigReference> References, string SecretSourceName);
