using FunctionGateway.Configuration;
using FunctionGateway.Model;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>A config loaded for <c>gateway explain</c> or <c>gateway token</c>: the runtime a request would use, or why there is none.</summary>
public sealed record DiagnosticConfig(GatewayRuntime? Runtime, IReadOnlyList<ConfigIssue> Issues, ExplainContext Context, DateTimeOffset Clock)
{
    public IEnumerable<ConfigIssue> Errors => Issues.Where(i => i.Severity == ConfigSeverity.Error);
}
