using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionGateway.Configuration;

/// <summary>Reads a path's <c>auth</c> (true, a name or a list of names) and its <c>authorization</c> claim rules.</summary>
internal static class PathAuthReader
{
    internal static readonly IReadOnlyList<string> AuthorizationKeys = ["require_all", "require_any"];

    internal static readonly IReadOnlyList<string> ClaimRuleKeys = ["claim", "values"];

    /// <summary>A path's <c>auth</c>: true or false, an authorizer's name, or a list of names.</summary>
    public static (bool Auth, IReadOnlyList<string> Names) ReadPathAuth(ConfigNodeReader reader, JsonObject obj, string location)
    {
        if (!obj.TryGetPropertyValue("auth", out var node) || node is null)
        {
            return (false, []);
        }

        switch (node.GetValueKind())
        {
            case JsonValueKind.String:
                return (true, [node.GetValue<string>()]);
            case JsonValueKind.Array:
                var names = reader.StringList(obj, "auth", location);
                if (names.Count == 0)
                {
                    reader.Issues.Add(new ConfigIssue(ConfigNodeReader.Join(location, "auth"),
                        "is an empty list; name at least one authorizer, or use false for a public route"));
                }

                return (names.Count > 0, names);
            default:
                return (reader.Bool(obj, "auth", location) ?? false, []);
        }
    }

    public static AuthorizationConfig? ReadAuthorization(ConfigNodeReader reader, JsonObject path, string pathLocation)
    {
        var obj = reader.Object(path, "authorization", pathLocation);
        if (obj is null)
        {
            return null;
        }

        var location = ConfigNodeReader.Join(pathLocation, "authorization");
        reader.RejectUnknownKeys(obj, location, AuthorizationKeys);
        return new AuthorizationConfig
        {
            RequireAll = ReadClaimRules(reader, obj, "require_all", location),
            RequireAny = ReadClaimRules(reader, obj, "require_any", location),
        };
    }

    private static List<ClaimRuleConfig> ReadClaimRules(ConfigNodeReader reader, JsonObject obj, string key, string location)
    {
        var rules = new List<ClaimRuleConfig>();
        var array = reader.Array(obj, key, location);
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var ruleLocation = $"{ConfigNodeReader.Join(location, key)}[{i}]";
            if (array[i] is not JsonObject rule)
            {
                reader.Issues.Add(new ConfigIssue(ruleLocation,
                    $"must be an object such as {{\"claim\": \"scope\", \"values\": [\"orders:read\"]}}, not {ConfigNodeReader.Describe(array[i])}"));
                continue;
            }

            reader.RejectUnknownKeys(rule, ruleLocation, ClaimRuleKeys);
            // Kept without its claim (already reported), so that its values are still checked.
            var claim = reader.String(rule, "claim", ruleLocation, required: true);
            rules.Add(new ClaimRuleConfig { Claim = claim ?? "", Values = ReadValues(reader, rule, ruleLocation) });
        }

        return rules;
    }

    private static List<string> ReadValues(ConfigNodeReader reader, JsonObject rule, string location)
    {
        var values = new List<string>();
        var array = reader.Array(rule, "values", location);
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            switch (array[i]?.GetValueKind())
            {
                case JsonValueKind.String:
                    values.Add(array[i]!.GetValue<string>());
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    values.Add(array[i]!.ToJsonString());
                    break;
                default:
                    reader.Issues.Add(new ConfigIssue($"{location}.values[{i}]",
                        $"must be a string, number or boolean, not {ConfigNodeReader.Describe(array[i])}"));
                    break;
            }
        }

        return values;
    }
}
