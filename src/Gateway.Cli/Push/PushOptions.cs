using FunctionGateway.Configuration;
using Microsoft.Extensions.Configuration;

namespace FunctionGateway.Cli.Push;

/// <summary>How <see cref="ConfigPush"/> checks and writes: the command's flags, and the settings references resolve from.</summary>
internal sealed record PushOptions
{
    public bool Resolve { get; init; }

    public GatewayHostKind Host { get; init; } = GatewayHostKind.AzureFunctions;

    public bool DryRun { get; init; }

    public bool IfAbsent { get; init; }

    public required IConfiguration Settings { get; init; }
}
