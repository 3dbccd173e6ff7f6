using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionGateway.Configuration;

/// <summary>Typed reads of a JSON object's members that record a located issue instead of throwing.</summary>
internal sealed class ConfigNodeReader(List<ConfigIssue> issues)
{
    public List<ConfigIssue> Issues { get; } = issues;

    public void RejectUnknownKeys(JsonObject obj, string location, IReadOnlyCollection<string> allowed, Func<string, string?>? hint = null)
    {
        foreach (var (key, _) in obj)
        {
            if (allowed.Contains(key))
            {
                continue;
            }

            var reason = hint?.Invoke(key) ?? $"unknown key '{key}'; allowed keys: {string.Join(", ", allowed)}";
            Issues.Add(new ConfigIssue(Join(location, key), reason));
        }
    }

    public JsonObject? Object(JsonObject parent, string key, string location)
    {
        if (!parent.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonObject obj)
        {
            return obj;
        }

        Issues.Add(new ConfigIssue(Join(location, key), $"must be an object, not {Describe(node)}"));
        return null;
    }

    public JsonArray? Array(JsonObject parent, string key, string location)
    {
        if (!parent.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonArray array)
        {
            return array;
        }

        Issues.Add(new ConfigIssue(Join(location, key), $"must be an array, not {Describe(node)}"));
        return null;
    }

    public string? String(JsonObject parent, string key, string location, bool required = false)
    {
        if (!parent.TryGetPropertyValue(key, out var node) || node is null)
        {
            if (required)
            {
                Issues.Add(new ConfigIssue(Join(location, key), "is required"));
            }

            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String)
        {
            return node.GetValue<string>();
        }

        Issues.Add(new ConfigIssue(Join(location, key), $"must be a string, not {Describe(node)}"));
        return null;
    }

    public bool? Bool(JsonObject parent, string key, string location)
    {
        if (!parent.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        switch (node.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                Issues.Add(new ConfigIssue(Join(location, key), $"must be true or false, not {Describe(node)}"));
                return null;
        }
    }

    public int? Int(JsonObject parent, string key, string location, int min, int max)
    {
        if (!parent.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        Issues.Add(new ConfigIssue(Join(location, key), $"must be a whole number from {min} to {max}, not {Describe(node)}"));
        return null;
    }

    public IReadOnlyList<string> StringList(JsonObject parent, string key, string location)
    {
        var array = Array(parent, key, location);
        if (array is null)
        {
            return [];
        }

        var values = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is { } item && item.GetValueKind() == JsonValueKind.String)
            {
                values.Add(item.GetValue<string>());
            }
            else
            {
                Issues.Add(new ConfigIssue($"{Join(location, key)}[{i}]", $"must be a string, not {Describe(array[i])}"));
            }
        }

        return values;
    }

    /// <summary>A map of names to scalar values; numbers and booleans are kept as their JSON text.</summary>
    public IReadOnlyDictionary<string, string> ScalarMap(JsonObject parent, string key, string location)
    {
        var obj = Object(parent, key, location);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj is null)
        {
            return map;
        }

        foreach (var (name, value) in obj)
        {
            switch (value?.GetValueKind())
            {
                case JsonValueKind.String:
                    map[name] = value.GetValue<string>();
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    map[name] = value.ToJsonString();
                    break;
                default:
                    Issues.Add(new ConfigIssue(Join(Join(location, key), name), $"must be a string, number or boolean, not {Describe(value)}"));
                    break;
            }
        }

        return map;
    }

    public static string Join(string location, string key) => location.Length == 0 ? key : $"{location}.{key}";

    public static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        // Never the string itself: it may hold a resolved secret.
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {node.ToJsonString()}",
        _ => $"the number {node.ToJsonString()}",
    };
}
