using FunctionGateway.Configuration;
using FunctionGateway.Inspection;

namespace FunctionGateway.Tests.Inspection;

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

    [Fact]
    public void Compare_Identical_Empty()
    {
        const string Config = """{ "servers": [{ "alias": "a", "url": "https://a" }], "cors": { "allow_origins": ["*"] }, "paths": [] }""";

        Assert.True(Diff(Config, Config).IsEmpty);
    }
}
