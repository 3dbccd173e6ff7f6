using FunctionGateway.Tooling.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Tooling.Tests.Diagnostics;

/// <summary>Loads a config as <c>gateway explain</c> does and explains one request, at <see cref="TestTokens.Now"/>.</summary>
internal static class ExplainFixture
{
    public static string Config(string authorizerExtra = "", string paths = "") => $$$"""
        {
          "authorizer": {"type": "jwt", "secret": "$secret.JWT_SECRET", "issuer": "https://issuer.test", "audience": "api://orders"{{{authorizerExtra}}}},
          "paths": [
            {"method": "GET", "path": "/orders", "auth": true, "response": {"ok": true}},
            {"method": "POST", "path": "/orders/{id}", "auth": true, "response": {"ok": true}},
            {"method": "GET", "path": "/admin-area/{.+}", "auth": true, "authorization": {"require_all": [{"claim": "scope", "values": ["orders:admin"]}]}, "response": {"ok": true}},
            {"method": "ANY", "path": "/{.+}", "response": {"fallback": true}}{{{paths}}}
          ]
        }
        """;

    public static async Task<Explanation> ExplainAsync(string config, ExplainRequest request, bool offline = false, DateTimeOffset? at = null)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["JWT_SECRET"] = TestKeys.Secret }).Build();
        var loaded = await DiagnosticConfigLoader.LoadAsync(config, "test", settings, new FakeTimeProvider(at ?? TestTokens.Now), offline);
        Assert.True(loaded.Runtime is not null, string.Join("\n", loaded.Issues));
        return await RequestExplainer.ExplainAsync(loaded.Runtime, loaded.Context, request, loaded.Clock);
    }

    public static Task<Explanation> ExplainAsync(string? token, string path = "/orders", string method = "GET") =>
        ExplainAsync(Config(), new ExplainRequest { Method = method, Path = path, Token = token });

    public static CheckResult Check(this Explanation explanation, string name) =>
        explanation.Authorizers.SelectMany(a => a.Checks).Single(c => c.Name == name);
}
