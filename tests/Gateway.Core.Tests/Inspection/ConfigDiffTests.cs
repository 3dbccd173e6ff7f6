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
    public void Compare_Identical_Empty()
    {
        const string Config = """{ "servers": [{ "alias": "a", "url": "https://a" }], "cors": { "allow_origins": ["*"] }, "paths": [] }""";

        Assert.True(Diff(Config, Config).IsEmpty);
    }
}
