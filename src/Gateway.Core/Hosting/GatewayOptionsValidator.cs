using Microsoft.Extensions.Options;

namespace FunctionGateway.Hosting;

/// <summary>
/// Checks every <c>Gateway:*</c> setting and fails with all the problems at once, each naming its setting and what
/// it expects. The texts are those of <see cref="GatewaySettings.Problems"/>: the 503 cause under Functions and
/// <c>gateway serve</c>'s start-up error.
/// </summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = GatewaySettings.From(options).Problems;
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
