using FunctionGateway.Configuration;
using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Tests.Configuration;

/// <summary>Runs one validation rule on a config made of routes written as "METHOD /path", and returns what it reported.</summary>
internal static class RuleHarness
{
    public static List<string> Check(IConfigRule rule, params string[] routes) => Check(rule, [], routes);

    public static List<string> Check(IConfigRule rule, ServerConfig[] servers, params PathConfig[] paths)
    {
        var issues = new List<ConfigIssue>();
        rule.Check(new GatewayConfig { Servers = servers, Paths = paths }, issues);
        Assert.All(issues, i => Assert.Equal(ConfigSeverity.Warning, i.Severity));
        return [.. issues.Select(i => i.ToString())];
    }

    public static List<string> Check(IConfigRule rule, ServerConfig[] servers, params string[] routes) =>
        Check(rule, servers, [.. routes.Select(Path)]);

    /// <summary>"GET /a" is a static route; "GET /a -> orders" proxies to server 'orders'; a leading "auth " protects it.</summary>
    public static PathConfig Path(string route)
    {
        var auth = route.StartsWith("auth ", StringComparison.Ordinal);
        var parts = (auth ? route[5..] : route).Split(' ');
        var server = parts.Length > 3 ? parts[3] : null;
        return new PathConfig
        {
            Method = parts[0],
            Path = parts[1],
            Auth = auth,
            Integration = server is null ? null : new IntegrationConfig { Type = IntegrationConfig.HttpProxy, Server = server },
            HasResponse = server is null,
        };
    }
}
