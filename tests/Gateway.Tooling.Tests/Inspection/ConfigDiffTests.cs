using FunctionGateway.Configuration;
using FunctionGateway.Tooling.Inspection;
using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Tooling.Tests.Inspection;

public class ConfigDiffTests
{
    private static ConfigDiff Diff(string before, string after) =>
        ConfigDiff.Compare(ConfigChecker.CheckUnresolved(before).Config!, ConfigChecker.CheckUnresolved(after).Config!);

    [Fact]
    public void Compare_ParameterRenamed_ChangedNotAddedAndRemoved()
    {
        var diff = Diff("""{ "paths": [{ "method": "GET", "path": "/u/{id}", "response": 1 }] }""",
                        """{ "paths": [{ "method": "GET", "path": "/u/{userId}", "response": 1 }] }""");

        var change = Assert.Single(diff.Routes);
        Assert.Equal(RouteChangeKind.Changed, change.Kind);
        Assert.Equal(["path: /u/{id} -> /u/{userId}"], change.Details);
    }

    [Fact]
    public void Compare_SameMethodDifferentRoute_AddedAndRemoved()
    {
        var diff = Diff("""{ "paths": [{ "method": "GET", "path": "/a", "response": 1 }] }""",
                        """{ "paths": [{ "method": "POST", "path": "/a", "response": 1 }] }""");

        Assert.Equal(["Added POST /a", "Removed GET /a"], diff.Routes.Select(r => $"{r.Kind} {r.Route}"));
    }

    [Fact]
    public void Compare_AuthRemovedAndStaticResponseChanged_AlarmFirstAndDetail()
    {
        var diff = Diff("""
            { "authorizer": { "type": "jwt", "secret": "$secret.S" }, "paths": [
              { "method": "GET", "path": "/a", "response": 1 }, { "method": "GET", "path": "/b", "auth": true, "response": 1 }] }
            """, """
            { "authorizer": { "type": "jwt", "secret": "$secret.S" }, "paths": [
              { "method": "GET", "path": "/a", "response": 2 }, { "method": "GET", "path": "/b", "response": 1 }] }
            """);

        Assert.Equal(["GET /b: LOSES AUTH", "GET /a: static response changed"],
            diff.Routes.Select(r => $"{r.Route}: {string.Join(", ", r.Alarms.Select(a => a.Label).Concat(r.Details))}"));
    }

    [Fact]
    public void Compare_AuthorizerNowAcceptsTokensWithoutExpiry_MarkedAndSecretNotShown()
    {
        var diff = Diff("""{ "authorizer": { "type": "jwt", "secret": "$secret.OLD" }, "paths": [] }""",
                        """{ "authorizer": { "type": "jwt", "secret": "$secret.NEW", "require_expiration": false }, "paths": [] }""");

        Assert.Equal(["~ authorizer (default): secret changed",
            "!! authorizer (default): require_expiration true -> false: tokens without 'exp' never expire"], diff.Authorizers);
    }

    [Fact]
    public void Compare_AuthorizerAddedToRoute_MoreAuthorizersAlarm()
    {
        const string Authorizers = """
            "authorizers": [{ "name": "staff", "type": "jwt", "secret": "$secret.A" }, { "name": "partners", "type": "jwt", "secret": "$secret.B" }],
            """;
        var diff = Diff("{" + Authorizers + """ "paths": [{ "method": "GET", "path": "/r", "auth": "staff", "response": 1 }] }""",
                        "{" + Authorizers + """ "paths": [{ "method": "GET", "path": "/r", "auth": ["staff", "partners"], "response": 1 }] }""");

        var alarm = Assert.Single(Assert.Single(diff.Routes).Alarms);
        Assert.Equal(new RouteAlarm("MORE AUTHORIZERS", "auth staff -> staff, partners: also accepts tokens of partners"), alarm);
    }

    [Fact]
    public void Compare_MappedHeaderRemoved_ClientValueNowReachesUpstreamAlarm()
    {
        const string Config = """
            { "servers": [{ "alias": "s", "url": "https://s" }], "authorizer": { "type": "jwt", "secret": "$secret.S" },
              "paths": [{ "method": "GET", "path": "/r", "auth": true, "integration": { "type": "http_proxy", "server": "s" },
                          "mapping": { "headers": HEADERS } }] }
            """;
        var diff = Diff(Config.Replace("HEADERS", """{ "x-user-id": "$request.jwt.sub", "x-a": "1" }""", StringComparison.Ordinal),
                        Config.Replace("HEADERS", """{ "x-a": "2" }""", StringComparison.Ordinal));

        var change = Assert.Single(diff.Routes);
        Assert.Equal([new RouteAlarm("MAPPING REMOVED", "header 'x-user-id' is no longer set by the gateway, so a client's own 'x-user-id' now reaches the upstream")],
            change.Alarms);
        Assert.Equal(["mapping header ~ x-a: 1 -> 2"], change.Details);
    }

    [Theory]
    [InlineData("""{ "type": "http_proxy", "server": "s" }""", """{ "type": "http_proxy", "server": "s", "path": "/api/users/{id}" }""",
        "backend path: (none: the default target rule) -> /api/users/{id}")]
    [InlineData("""{ "type": "http_proxy", "server": "s", "path": "/v1/{id}" }""", """{ "type": "http_proxy", "server": "s", "path": "/v2/{id}" }""",
        "backend path: /v1/{id} -> /v2/{id}")]
    [InlineData("""{ "type": "http_proxy", "server": "s" }""", """{ "type": "http_proxy", "server": "s", "method": "POST" }""",
        "backend method: (the client's) -> POST")]
    [InlineData("""{ "type": "static", "status": 301 }""", """{ "type": "static", "status": 302 }""", "static status: 301 -> 302")]
    [InlineData("""{ "type": "static" }""", """{ "type": "static", "status": 204 }""", "static status: 200 -> 204")]
    [InlineData("""{ "type": "static", "headers": { "Location": "https://a" } }""", """{ "type": "static", "headers": { "Location": "https://b" } }""",
        "static header ~ Location: https://a -> https://b")]
    [InlineData("""{ "type": "static", "headers": { "X-A": "1" } }""", """{ "type": "static" }""", "static header - X-A")]
    [InlineData("""{ "type": "static", "body": { "a": 1 } }""", """{ "type": "static", "body": { "a": 2 } }""", "static body changed")]
    [InlineData("""{ "type": "static" }""", """{ "type": "static", "body": null }""", "static body added")]
    [InlineData("""{ "type": "static", "body_text": "a" }""", """{ "type": "static", "body_text": "b" }""", "static body_text changed")]
    [InlineData("""{ "type": "static", "body_text": "a" }""", """{ "type": "static" }""", "static body_text removed")]
    public void Compare_IntegrationFieldChanged_ReportedInWords(string before, string after, string expected)
    {
        const string Config = """{ "servers": [{ "alias": "s", "url": "https://s.example.com" }], "paths": [{ "method": "GET", "path": "/r", "integration": INTEGRATION }] }""";

        var diff = Diff(Config.Replace("INTEGRATION", before, StringComparison.Ordinal), Config.Replace("INTEGRATION", after, StringComparison.Ordinal));

        var change = Assert.Single(diff.Routes);
        Assert.Equal(RouteChangeKind.Changed, change.Kind);
        Assert.Equal([expected], change.Details);
    }

    [Theory]
    [InlineData("""{ "type": "http_proxy", "server": "s" }""", """{ "type": "static", "status": 503 }""")]
    [InlineData("""{ "type": "static", "status": 503 }""", """{ "type": "http_proxy", "server": "s" }""")]
    [InlineData("""{ "type": "static" }""", null)]
    public void Compare_ProxyAndStaticSwapped_TargetChange(string before, string? after)
    {
        const string Config = """{ "servers": [{ "alias": "s", "url": "https://s.example.com" }], "paths": [{ "method": "GET", "path": "/r", TARGET }] }""";
        static string Target(string? integration) => integration is null ? "\"response\": 1" : $"\"integration\": {integration}";

        var diff = Diff(Config.Replace("TARGET", Target(before), StringComparison.Ordinal), Config.Replace("TARGET", Target(after), StringComparison.Ordinal));

        var detail = Assert.Single(Assert.Single(diff.Routes).Details);
        Assert.StartsWith("target: ", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Identical_Empty()
    {
        const string Config = """{ "servers": [{ "alias": "a", "url": "https://a" }], "cors": { "allow_origins": ["*"] }, "paths": [] }""";

        Assert.True(Diff(Config, Config).IsEmpty);
    }
}
