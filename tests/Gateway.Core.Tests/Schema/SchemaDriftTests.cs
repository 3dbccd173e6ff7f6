using System.Text.Json.Nodes;
using FunctionGateway.Authorization;
using FunctionGateway.Configuration;
using FunctionGateway.Routing;

namespace FunctionGateway.Tests.Schema;

/// <summary>
/// Holds the schema to the code: every object lists exactly the keys its reader accepts and refuses others,
/// and its enums and defaults are the code's. A key added to a reader fails here until the schema has it.
/// </summary>
public class SchemaDriftTests
{
    private static readonly JsonObject Tree = GatewaySchema.Tree();

    public static TheoryData<string, string[]> ReaderKeys() => new()
    {
        { "", [.. ConfigReader.TopLevelKeys] },
        { "definitions/server", [.. ConfigReader.ServerKeys] },
        { "definitions/cors", [.. ConfigReader.CorsKeys] },
        { "definitions/path", [.. ConfigReader.PathKeys] },
        { "definitions/integration", [.. ConfigReader.IntegrationKeys] },
        { "definitions/mapping", [.. ConfigReader.MappingKeys] },
        { "definitions/authorizer", [.. AuthorizerReader.NamedAuthorizerKeys] },
        { "definitions/tokenSource", [.. AuthorizerReader.TokenSourceKeys] },
        { "definitions/authorization", [.. PathAuthReader.AuthorizationKeys] },
        { "definitions/claimRule", [.. PathAuthReader.ClaimRuleKeys] },
        { "definitions/rateLimit", [.. RateLimitReader.PolicyKeys] },
    };

    [Theory]
    [MemberData(nameof(ReaderKeys))]
    public void SchemaObject_Properties_AreExactlyTheReadersKeys(string at, string[] keys)
    {
        var properties = GatewaySchema.At(Tree, at)["properties"]!.AsObject().Select(p => p.Key);

        Assert.Equal(keys.Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ReaderKeys))]
    public void SchemaObject_UnknownKeys_AreRefusedAsTheReaderRefusesThem(string at, string[] keys)
    {
        Assert.NotEmpty(keys);
        Assert.False(GatewaySchema.At(Tree, at)["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void DefaultAuthorizer_Keys_AreTheNamedOnesWithoutName()
    {
        var forbidden = Tree["properties"]!["authorizer"]!["allOf"]!.AsArray()
            .Select(s => s!["not"]?["required"]).OfType<JsonArray>().Single();

        Assert.Equal(["name"], forbidden.Select(n => n!.GetValue<string>()));
        Assert.Equal(AuthorizerReader.AuthorizerKeys.Order(StringComparer.Ordinal),
            AuthorizerReader.NamedAuthorizerKeys.Where(k => k != "name").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MethodEnum_IsTheRouteMethods() =>
        Assert.Equal(Enum.GetValues<RouteMethod>().Select(RouteMethods.ToConfigText), EnumAt("definitions/method"));

    [Fact]
    public void AlgorithmEnum_IsTheAcceptedAlgorithms() =>
        Assert.Equal(JwtAlgorithms.Hmac.Keys.Concat(JwtAlgorithms.PublicKey).Order(StringComparer.Ordinal),
            EnumAt("definitions/algorithm").Order(StringComparer.Ordinal));

    [Fact]
    public void IntegrationTypeEnum_IsHttpProxyItsAliasAndStatic() =>
        Assert.Equal([IntegrationConfig.HttpProxy, IntegrationConfig.Http, IntegrationConfig.Static], EnumAt("definitions/integration/properties/type"));

    [Fact]
    public void AuthorizerTypeEnum_IsJwt() =>
        Assert.Equal([AuthorizerConfig.JwtType], EnumAt("definitions/authorizer/properties/type"));

    [Fact]
    public void ReferencePattern_IsTheResolversPattern() =>
        Assert.Equal(ReferenceResolver.Pattern, GatewaySchema.At(Tree, "definitions/reference")["pattern"]!.GetValue<string>());

    [Fact]
    public void Defaults_AreTheCodesDefaults()
    {
        var defaults = new AuthorizerConfig { Type = AuthorizerConfig.JwtType };
        var authorizer = GatewaySchema.At(Tree, "definitions/authorizer/properties");

        Assert.Equal(ServerConfig.DefaultTimeoutSeconds, Default<int>("definitions/server/properties", "timeout_seconds"));
        Assert.Equal(JwtAlgorithms.Default, authorizer["algorithm"]!["default"]!.GetValue<string>());
        Assert.Equal([JwtAlgorithms.Default], authorizer["algorithms"]!["default"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(defaults.RequireExpiration, Default<bool>("definitions/authorizer/properties", "require_expiration"));
        Assert.Equal(defaults.ClockSkewSeconds, Default<int>("definitions/authorizer/properties", "clock_skew_seconds"));
        Assert.Equal(defaults.JwksRefreshMinSeconds, Default<int>("definitions/authorizer/properties", "jwks_refresh_min_seconds"));
        Assert.Equal(new CorsConfig().AllowCredentials, Default<bool>("definitions/cors/properties", "allow_credentials"));
        Assert.Equal(new CorsConfig().MaxAge, Default<int>("definitions/cors/properties", "max_age"));
    }

    [Fact]
    public void EveryProperty_HasADescription()
    {
        var missing = new List<string>();
        CollectUndescribed(Tree, "#", missing);

        Assert.Empty(missing);
    }

    [Fact]
    public void RateLimitChoices_AreTheCodesChoicesAndDefaults()
    {
        var policy = new RateLimitConfig { Name = "p" };

        Assert.Equal([RateLimitConfig.FixedWindow, RateLimitConfig.SlidingWindow, RateLimitConfig.TokenBucket],
            EnumAt("definitions/rateLimit/properties/algorithm"));
        Assert.Equal([RateLimitConfig.MissingKeyShared, RateLimitConfig.MissingKeyReject], EnumAt("definitions/rateLimit/properties/on_missing_key"));
        Assert.Equal([RateLimitConfig.StoreErrorOpen, RateLimitConfig.StoreErrorClosed], EnumAt("definitions/rateLimit/properties/on_store_error"));
        Assert.Equal(policy.OnMissingKey, Default<string>("definitions/rateLimit/properties", "on_missing_key"));
        Assert.Equal(policy.OnStoreError, Default<string>("definitions/rateLimit/properties", "on_store_error"));
        Assert.Equal(policy.BeforeAuth, Default<bool>("definitions/rateLimit/properties", "before_auth"));
        Assert.Equal(policy.Headers, Default<bool>("definitions/rateLimit/properties", "headers"));
    }

    private static IEnumerable<string> EnumAt(string at)
    {
        var node = GatewaySchema.At(Tree, at);
        var values = node["enum"] ?? node["anyOf"]!.AsArray().Select(s => s!["enum"]).OfType<JsonArray>().Single();
        return values.AsArray().Select(v => v!.GetValue<string>());
    }

    private static T Default<T>(string at, string key) => GatewaySchema.At(Tree, at)[key]!["default"]!.GetValue<T>();

    // A property describes itself, or is a bare $ref to a definition that does.
    private static void CollectUndescribed(JsonNode? node, string location, List<string> missing)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                CollectUndescribed(array[i], $"{location}/{i}", missing);
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        // Branches of anyOf that only refine a property (minItems...) are not where it is described.
        if (obj["properties"] is JsonObject properties && (obj["type"] is not null || location == "#"))
        {
            foreach (var (key, property) in properties)
            {
                var described = property?["description"] is not null
                    || (property?["$ref"]?.GetValue<string>() is { } target && Resolve(target)["description"] is not null);
                if (!described)
                {
                    missing.Add($"{location}/properties/{key}");
                }
            }
        }

        foreach (var (key, child) in obj)
        {
            CollectUndescribed(child, $"{location}/{key}", missing);
        }
    }

    private static JsonObject Resolve(string reference) => GatewaySchema.At(Tree, reference.TrimStart('#', '/'));
}
