using FunctionGateway.Inspection;

namespace FunctionGateway.Configuration.Validation;

/// <summary>
/// Warns when requests to a protected route's path reach the same server through a wider route without auth
/// (<c>GET /orders/{id}</c> with a token, <c>ANY /orders/{.+}</c> without: <c>DELETE /orders/7</c> and
/// <c>GET /orders/7/</c> need none). See <see cref="ExposureFinder"/>.
/// </summary>
internal sealed class UnprotectedPathRule : ILintRule
{
    private const int Listed = 4;

    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        foreach (var exposure in ExposureFinder.Find(config))
        {
            var requests = exposure.Requests;
            var shown = string.Join(", ", requests.Take(Listed)) + (requests.Count > Listed ? $" and {requests.Count - Listed} more" : "");
            issues.Add(new ConfigIssue(exposure.Protected.Location,
                $"{exposure.Protected} requires a token, but {exposure.Open.Described} has no auth and sends requests such as " +
                $"{shown} to the same server '{exposure.Open.Config.Integration!.Server}' without one; " +
                $"protect {exposure.Open.Location} too, or narrow it so that it does not cover this path",
                ConfigSeverity.Warning));
        }
    }
}
