using FunctionGateway.Authorization;
using FunctionGateway.Configuration;
using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Tests.Authorization;

/// <summary>Reads and validates configs the way the loader does, without references or a runtime.</summary>
internal static class TestConfig
{
    public static (GatewayConfig Config, List<ConfigIssue> Issues) Read(string json)
    {
        var issues = new List<ConfigIssue>();
        var root = ConfigParser.Parse(json, issues) ?? throw new ArgumentException(string.Join("; ", issues));
        var config = ConfigReader.Read(root, issues);
        ConfigValidator.Validate(config, issues);
        return (config, issues);
    }

    /// <summary>The messages of a config made of this authorizer and one path using it.</summary>
    public static List<string> AuthorizerIssues(string authorizerJson) =>
        [.. Read($$$"""{"authorizer": {{{authorizerJson}}}, "paths": [{"method": "GET", "path": "/a", "auth": true, "response": {}}]}""")
            .Issues.Select(i => i.ToString())];

    /// <summary>The errors (not warnings) of a config made of this authorizer and one path using it.</summary>
    public static List<string> AuthorizerErrors(string authorizerJson) =>
        [.. Read($$$"""{"authorizer": {{{authorizerJson}}}, "paths": [{"method": "GET", "path": "/a", "auth": true, "response": {}}]}""")
            .Issues.Where(i => i.Severity == ConfigSeverity.Error).Select(i => i.ToString())];

    /// <summary>An authorizer with keys from the config (secret or inline JWKS); the config must be valid.</summary>
    public static JwtAuthorizer Authorizer(string authorizerJson, TimeProvider time)
    {
        var (config, issues) = Read($$"""{"authorizer": {{authorizerJson}}, "paths": []}""");
        Assert.DoesNotContain(issues, i => i.Severity == ConfigSeverity.Error);
        return new JwtAuthorizer(config.Authorizer!, StaticKeySource.For(config.Authorizer!), time);
    }

    public static string Hs256Authorizer(string extra = "") =>
        $$"""{"type": "jwt", "algorithm": "HS256", "secret": "{{TestKeys.Secret}}", "issuer": "https://issuer.test", "audience": "api://orders"{{extra}}}""";

    public static string JwksAuthorizer(string algorithm, string jwks, string extra = "") =>
        $$"""{"type": "jwt", "algorithms": ["{{algorithm}}"], "jwks": {{jwks}}, "issuer": "https://issuer.test", "audience": "api://orders"{{extra}}}""";
}
