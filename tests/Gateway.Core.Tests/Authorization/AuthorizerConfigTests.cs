using FunctionGateway.Configuration;

namespace FunctionGateway.Tests.Authorization;

public class AuthorizerConfigTests
{
    private const string Secret = TestKeys.Secret;
    private const string Jwks = """{"keys": [{"kty": "RSA", "kid": "k", "n": "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw", "e": "AQAB"}]}""";

    [Theory]
    [InlineData("""{"type": "jwt", "secret": "SECRET"}""")]
    [InlineData("""{"type": "jwt", "algorithm": "HS512", "secret": "SECRETSECRET"}""")]
    [InlineData("""{"type": "jwt", "algorithms": ["RS256", "ES256", "PS384"], "jwks": JWKS}""")]
    [InlineData("""{"type": "jwt", "algorithm": "RS256", "jwks_uri": "https://login.example.com/keys", "jwks_refresh_min_seconds": 30}""")]
    [InlineData("""{"type": "jwt", "algorithm": "RS256", "jwks_uri": "http://127.0.0.1:5000/keys"}""")]
    [InlineData("""{"type": "jwt", "algorithm": "RS256", "openid_configuration_uri": "http://localhost:8080/.well-known/openid-configuration"}""")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "issuer": ["a", "b"], "audience": ["c"], "subject": "s", "require_expiration": false, "max_lifetime_seconds": 3600, "clock_skew_seconds": 60, "token_sources": [{"header": "Authorization", "prefix": "Bearer "}, {"query": "t"}, {"cookie": "c"}]}""")]
    public void Validate_GoodAuthorizer_NoErrors(string authorizer) =>
        Assert.Empty(TestConfig.AuthorizerErrors(Fill(authorizer)));

    [Theory]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "issuer": "https://idp.test/"}""",
        "warning: authorizer.audience: not set; any audience of issuer 'https://idp.test/' is accepted. Set audience to this API's identifier.")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "issuer": ["a", "b"], "audience": []}""",
        "warning: authorizer.audience: not set; any audience of issuers 'a', 'b' is accepted. Set audience to this API's identifier.")]
    [InlineData("""{"type": "jwt", "algorithm": "RS256", "openid_configuration_uri": "https://idp.test/.well-known/openid-configuration"}""",
        "warning: authorizer.audience: not set; any audience of the issuer of the openid_configuration_uri document is accepted. Set audience to this API's identifier.")]
    [InlineData("""{"type": "jwt", "secret": "SECRET"}""",
        "warning: authorizer.audience: not set; any audience of any issuer that signs with the authorizer's keys is accepted. Set audience to this API's identifier.")]
    public void Validate_NoAudience_WarnsThatAnyAudienceIsAccepted(string authorizer, string expected) =>
        Assert.Equal([expected], TestConfig.AuthorizerIssues(Fill(authorizer)));

    [Fact]
    public void Validate_Audience_NoWarning() =>
        Assert.Empty(TestConfig.AuthorizerIssues(Fill("""{"type": "jwt", "secret": "SECRET", "issuer": "https://idp.test/", "audience": "api://orders"}""")));

    [Theory]
    [InlineData("""{"type": "oauth", "secret": "SECRET"}""", "authorizer.type: unknown authorizer type 'oauth'; use 'jwt'")]
    [InlineData("""{"type": "jwt"}""", "authorizer.secret: is required for HS256; use a reference such as '$secret.JWT_SECRET'")]
    [InlineData("""{"type": "jwt", "secret": "short"}""", "authorizer.secret: is 5 bytes; HS256 needs a secret of at least 32 bytes")]
    [InlineData("""{"type": "jwt", "algorithm": "none", "secret": "SECRET"}""", "authorizer.algorithm: 'none' is never accepted: unsigned tokens prove nothing")]
    [InlineData("""{"type": "jwt", "algorithm": "EdDSA", "jwks": JWKS}""", "authorizer.algorithm: EdDSA is not supported by the gateway's token library; use ES256 or RS256")]
    [InlineData("""{"type": "jwt", "algorithm": "RS1", "jwks": JWKS}""",
        "authorizer.algorithm: unsupported algorithm 'RS1'; use HS256/384/512, RS256/384/512, PS256/384/512 or ES256/384/512")]
    [InlineData("""{"type": "jwt", "algorithms": ["HS256", "RS256"], "secret": "SECRET", "jwks": JWKS}""",
        "authorizer.algorithms: mixes HMAC (HS*) and public-key algorithms, which lets a public key be used as an HMAC secret; use two authorizers")]
    [InlineData("""{"type": "jwt", "algorithm": "HS256", "algorithms": ["HS256"], "secret": "SECRET"}""", "authorizer.algorithms: is given together with 'algorithm'; keep one of them")]
    [InlineData("""{"type": "jwt", "algorithm": "RS256", "secret": "SECRET", "jwks": JWKS}""",
        "authorizer.secret: is for HS256/384/512, but RS256 verifies with public keys; use 'jwks', 'jwks_uri' or 'openid_configuration_uri'")]
    [InlineData("""{"type": "jwt", "algorithm": "ES256"}""",
        "authorizer: has no key source for ES256: set one of 'jwks', 'jwks_uri' or 'openid_configuration_uri'")]
    [InlineData("""{"type": "jwt", "algorithm": "RS256", "jwks": JWKS, "jwks_uri": "https://idp.test/keys"}""",
        "authorizer.jwks_uri: is given together with 'jwks'; keep one key source")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "jwks_uri": "https://idp.test/keys"}""",
        "authorizer.jwks_uri: is a public-key source, but HS256 verifies with 'secret'; set 'algorithms' to RS256, ES256... or remove it")]
    [InlineData("""{"type": "jwt", "algorithm": "RS256", "jwks_uri": "http://idp.test/keys"}""",
        "authorizer.jwks_uri: 'http://idp.test/keys' is not HTTPS; keys fetched over plain HTTP can be replaced in transit (only loopback hosts may use http://)")]
    [InlineData("""{"type": "jwt", "algorithm": "RS256", "openid_configuration_uri": "idp.test/.well-known/openid-configuration"}""",
        "authorizer.openid_configuration_uri: 'idp.test/.well-known/openid-configuration' is not an absolute https:// URL")]
    [InlineData("""{"type": "jwt", "algorithm": "RS256", "jwks": {"keys": 5}}""",
        "authorizer.jwks: is not a valid JWKS: expected a JSON object with a 'keys' array")]
    [InlineData("""{"type": "jwt", "algorithm": "RS256", "jwks": {"keys": []}}""",
        "authorizer.jwks: has no usable signing key (RSA or EC keys with 'kty', 'n'/'e' or 'crv'/'x'/'y')")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "issuer": ""}""", "authorizer.issuer: must not be empty; omit it to accept any issuer")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "audience": ["a", ""]}""", "authorizer.audience: must not be empty; omit it to accept any audience")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "subject": ""}""", "authorizer.subject: must not be empty; omit it to accept any subject")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "clock_skew_seconds": -1}""", "authorizer.clock_skew_seconds: must be a whole number from 0 to 3600, not the number -1")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "max_lifetime_seconds": 0}""", "authorizer.max_lifetime_seconds: must be a whole number from 1 to 2147483647, not the number 0")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "jwks_refresh_min_seconds": 0}""", "authorizer.jwks_refresh_min_seconds: must be a whole number from 1 to 86400, not the number 0")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "token_sources": [{}]}""", "authorizer.token_sources[0]: names no place: set one of 'header', 'query' or 'cookie'")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "token_sources": [{"query": "a", "cookie": "b"}]}""",
        "authorizer.token_sources[0]: names more than one place: set only one of 'header', 'query' or 'cookie'")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "token_sources": [{"query": "a", "prefix": "Bearer "}]}""", "authorizer.token_sources[0].prefix: only applies to a 'header' source")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "token_sources": [{"header": "x", "form": "y"}]}""",
        "authorizer.token_sources[0].form: unknown key 'form'; allowed keys: header, prefix, query, cookie")]
    [InlineData("""{"type": "jwt", "secret": "SECRET", "name": "x"}""", "authorizer.name: unknown key 'name'; allowed keys: type, secret, algorithm, algorithms, jwks, jwks_uri, openid_configuration_uri, issuer, audience, subject, require_expiration, max_lifetime_seconds, clock_skew_seconds, jwks_refresh_min_seconds, token_sources")]
    public void Validate_BadAuthorizer_LocatedIssue(string authorizer, string expected) =>
        Assert.Contains(expected, TestConfig.AuthorizerIssues(Fill(authorizer)));

    [Theory]
    [InlineData("true", "paths[0].auth: is true but the config has no default 'authorizer'; name one of: partners, internal")]
    [InlineData("\"partners\"", null)]
    [InlineData("[\"partners\", \"internal\"]", null)]
    [InlineData("\"orders\"", "paths[0].auth: unknown authorizer 'orders'; defined: partners, internal")]
    [InlineData("[\"partners\", \"orders\"]", "paths[0].auth[1]: unknown authorizer 'orders'; defined: partners, internal")]
    [InlineData("[]", "paths[0].auth: is an empty list; name at least one authorizer, or use false for a public route")]
    [InlineData("5", "paths[0].auth: must be true or false, not the number 5")]
    public void Validate_PathAuth_NamesMustExist(string auth, string? expected)
    {
        var (_, issues) = TestConfig.Read($$$"""
            {
              "authorizers": [
                {"name": "partners", "type": "jwt", "secret": "{{{Secret}}}"},
                {"name": "internal", "type": "jwt", "secret": "{{{Secret}}}"}
              ],
              "paths": [{"method": "GET", "path": "/a", "auth": {{{auth}}}, "response": {}}]
            }
            """);

        if (expected is null)
        {
            Assert.DoesNotContain(issues, i => i.Severity == ConfigSeverity.Error);
        }
        else
        {
            Assert.Contains(expected, issues.Select(i => i.ToString()));
        }
    }

    [Theory]
    [InlineData("""[{"type": "jwt", "secret": "SECRET"}]""", "authorizers[0].name: is required")]
    [InlineData("""[{"name": "a", "type": "jwt", "secret": "SECRET"}, {"name": "a", "type": "jwt", "secret": "SECRET"}]""",
        "authorizers[1].name: 'a' is already the name of another authorizer")]
    [InlineData("""[{"name": "a b", "type": "jwt", "secret": "SECRET"}]""", "authorizers[0].name: 'a b' is not a valid name; use letters, digits, '_', '.' and '-'")]
    [InlineData("""[{"name": "a", "type": "jwt", "algorithm": "RS256", "secret": "SECRET"}]""",
        "authorizers[0].secret: is for HS256/384/512, but RS256 verifies with public keys; use 'jwks', 'jwks_uri' or 'openid_configuration_uri'")]
    [InlineData("""{"name": "a"}""", "authorizers: must be an array, not an object")]
    public void Validate_NamedAuthorizers_LocatedIssue(string authorizers, string expected)
    {
        var (_, issues) = TestConfig.Read($$"""{"authorizers": {{Fill(authorizers)}}, "paths": []}""");

        Assert.Contains(expected, issues.Select(i => i.ToString()));
    }

    [Theory]
    [InlineData("""{"require_all": [{"claim": "scope", "values": ["a"]}]}""", "true", null)]
    [InlineData("""{"require_any": [{"claim": "tier", "values": [1, true, "x"]}]}""", "true", null)]
    [InlineData("""{"require_all": [{"claim": "scope", "values": ["a"]}]}""", "false",
        "paths[0].authorization: has claim rules but the path has no 'auth': there would be no token to check them on")]
    [InlineData("""{}""", "true", "paths[0].authorization: has no rules: add 'require_all' or 'require_any', or remove it")]
    [InlineData("""{"require_all": [{"claim": "", "values": ["a"]}]}""", "true", "paths[0].authorization.require_all[0].claim: must not be empty")]
    [InlineData("""{"require_any": [{"claim": "scope", "values": []}]}""", "true", "paths[0].authorization.require_any[0].values: must list at least one accepted value")]
    [InlineData("""{"require_any": [{"claim": "scope"}]}""", "true", "paths[0].authorization.require_any[0].values: must list at least one accepted value")]
    [InlineData("""{"require_any": [{"claim": "scope", "values": [{"a": 1}]}]}""", "true",
        "paths[0].authorization.require_any[0].values[0]: must be a string, number or boolean, not an object")]
    [InlineData("""{"require_any": ["scope"]}""", "true",
        "paths[0].authorization.require_any[0]: must be an object such as {\"claim\": \"scope\", \"values\": [\"orders:read\"]}, not a string")]
    [InlineData("""{"require_one": []}""", "true", "paths[0].authorization.require_one: unknown key 'require_one'; allowed keys: require_all, require_any")]
    public void Validate_ClaimRules_LocatedIssue(string authorization, string auth, string? expected)
    {
        var (_, issues) = TestConfig.Read($$$"""
            {
              "authorizer": {"type": "jwt", "secret": "{{{Secret}}}"},
              "paths": [{"method": "GET", "path": "/a", "auth": {{{auth}}}, "authorization": {{{authorization}}}, "response": {}}]
            }
            """);

        if (expected is null)
        {
            Assert.DoesNotContain(issues, i => i.Severity == ConfigSeverity.Error);
        }
        else
        {
            Assert.Contains(expected, issues.Select(i => i.ToString()));
        }
    }

    [Theory]
    [InlineData("""{"type": "oauth", "secret": "short", "issuer": "", "audience": "", "subject": "", "token_sources": [{}]}""",
        "authorizer.type: unknown authorizer type 'oauth'; use 'jwt'",
        "authorizer.secret: is 5 bytes; HS256 needs a secret of at least 32 bytes",
        "authorizer.issuer: must not be empty; omit it to accept any issuer",
        "authorizer.audience: must not be empty; omit it to accept any audience",
        "authorizer.subject: must not be empty; omit it to accept any subject",
        "authorizer.token_sources[0]: names no place: set one of 'header', 'query' or 'cookie'")]
    [InlineData("""{"type": "jwt", "algorithms": ["RS256", "RS1"], "jwks_uri": "http://idp.test/keys", "issuer": "", "token_sources": [{"query": "a", "cookie": "", "prefix": "x"}]}""",
        "authorizer.algorithms[1]: unsupported algorithm 'RS1'; use HS256/384/512, RS256/384/512, PS256/384/512 or ES256/384/512",
        "authorizer.jwks_uri: 'http://idp.test/keys' is not HTTPS; keys fetched over plain HTTP can be replaced in transit (only loopback hosts may use http://)",
        "authorizer.issuer: must not be empty; omit it to accept any issuer",
        "authorizer.token_sources[0]: names more than one place: set only one of 'header', 'query' or 'cookie'",
        "authorizer.token_sources[0].prefix: only applies to a 'header' source",
        "authorizer.token_sources[0]: has an empty name")]
    [InlineData("""{"type": "jwt", "algorithms": ["none"], "secret": "SECRET", "audience": "api"}""",
        "authorizer.algorithms[0]: 'none' is never accepted: unsigned tokens prove nothing")]
    [InlineData("""{"type": "jwt", "algorithms": ["HS256", "RS256"], "audience": "api"}""",
        "authorizer.algorithms: mixes HMAC (HS*) and public-key algorithms, which lets a public key be used as an HMAC secret; use two authorizers")]
    [InlineData("""{"type": "jwt", "algorithm": "RS256", "jwks": {"keys": 5}, "jwks_uri": "ftp://idp.test/keys", "audience": "api"}""",
        "authorizer.jwks_uri: is given together with 'jwks'; keep one key source",
        "authorizer.jwks: is not a valid JWKS: expected a JSON object with a 'keys' array",
        "authorizer.jwks_uri: 'ftp://idp.test/keys' is not an absolute https:// URL")]
    public void Validate_SeveralProblems_ReportsEveryOne(string authorizer, params string[] expected) =>
        Assert.Equal(expected, TestConfig.AuthorizerErrors(Fill(authorizer)));

    [Theory]
    [InlineData("""{"authorizer": {"type": "auth0", "domain": "tenant.auth0.com", "client_id": "x", "client_secret": "y", "callback_uri": "https://app.test/cb", "jwks_uri": "https://tenant.auth0.com/.well-known/jwks.json"}, "paths": [{"method": "GET", "path": "/a", "auth": true, "response": {}}]}""",
        "authorizer.type", "authorizer type 'auth0' is not supported: use a 'jwt' authorizer with 'openid_configuration_uri'")]
    [InlineData("""{"authorizer": {"type": "supabase", "jwt_secret": "$env.SUPABASE_SECRET", "issuer": "https://p.supabase.co/auth/v1"}, "paths": [{"method": "GET", "path": "/a", "auth": true, "response": {}}]}""",
        "authorizer.type", "authorizer type 'supabase' is not supported: use a 'jwt' authorizer with 'openid_configuration_uri'")]
    [InlineData("""{"authorizers": [{"name": "idp", "type": "auth0", "domain": "tenant.auth0.com"}], "paths": [{"method": "GET", "path": "/a", "auth": "idp", "response": {}}]}""",
        "authorizers[0].type", "authorizer type 'auth0' is not supported")]
    public void Validate_ServerlessApiGatewayProviderType_OnePlainErrorWithoutFollowOns(string config, string location, string message)
    {
        var (_, issues) = TestConfig.Read(config);

        var issue = Assert.Single(issues);
        Assert.Equal(location, issue.Location);
        Assert.StartsWith(message, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClaimRuleWithoutClaim_ReportsItsValuesToo()
    {
        var (_, issues) = TestConfig.Read($$$"""
            {"authorizer": {"type": "jwt", "secret": "{{{Secret}}}", "audience": "api"},
             "paths": [{"method": "GET", "path": "/a", "auth": true, "authorization": {"require_all": [{"values": []}]}, "response": {}}]}
            """);

        Assert.Equal(["paths[0].authorization.require_all[0].claim: is required", "paths[0].authorization.require_all[0].values: must list at least one accepted value"],
            issues.Select(i => i.ToString()));
    }

    [Fact]
    public void Validate_NamedAuthorizerWithoutName_ReportsItsOtherProblemsToo()
    {
        var (_, issues) = TestConfig.Read("""{"authorizers": [{"type": "jwt", "secret": "short", "audience": "api"}], "paths": []}""");

        Assert.Equal(["authorizers[0].name: is required", "authorizers[0].secret: is 5 bytes; HS256 needs a secret of at least 32 bytes"],
            issues.Select(i => i.ToString()));
    }

    [Fact]
    public void Validate_AuthorizerWithoutType_ReportsItsOtherProblemsToo()
    {
        var (_, issues) = TestConfig.Read("""{"authorizer": {"secret": "short", "audience": "api"}, "paths": []}""");

        Assert.Equal(["authorizer.type: is required", "authorizer.secret: is 5 bytes; HS256 needs a secret of at least 32 bytes"],
            issues.Select(i => i.ToString()));
    }

    private static string Fill(string json) => json
        .Replace("SECRETSECRET", Secret + Secret, StringComparison.Ordinal)
        .Replace("SECRET", Secret, StringComparison.Ordinal)
        .Replace("JWKS", Jwks, StringComparison.Ordinal);
}
