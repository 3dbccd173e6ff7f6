namespace FunctionGateway.Configuration.Validation;

/// <summary>A static integration has a final status code, at most one body, and headers the gateway may send.</summary>
internal sealed class StaticResponseRule : IConfigRule
{
    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        for (var i = 0; i < config.Paths.Count; i++)
        {
            if (config.Paths[i].Integration is not { IsStatic: true } integration)
            {
                continue;
            }

            var location = $"paths[{i}].integration";
            var hasBody = integration.HasBody || integration.BodyText is not null;
            if (integration.Status is { } status)
            {
                if (status is < 200 or > 599)
                {
                    issues.Add(new ConfigIssue($"{location}.status", status is >= 100 and < 200
                        ? $"{status} is an interim (1xx) status, which cannot end a request; use a final status from 200 to 599"
                        : $"{status} is not an HTTP status the gateway sends; use 200 to 599"));
                }
                else if (hasBody && status is 204 or 304)
                {
                    issues.Add(new ConfigIssue($"{location}.status", $"a {status} response has no body: remove 'body'/'body_text' or use another status"));
                }
            }

            if (integration.HasBody && integration.BodyText is not null)
            {
                issues.Add(new ConfigIssue($"{location}.body_text", "is given together with 'body'; keep one: 'body' for JSON, 'body_text' for text sent as is"));
            }

            foreach (var (name, value) in integration.Headers ?? new Dictionary<string, string>())
            {
                if (ResponseHeaderCheck.Problem(name, value, config.Cors is not null) is { } problem)
                {
                    issues.Add(new ConfigIssue($"{location}.headers.{name}", problem));
                }
            }
        }
    }
}
