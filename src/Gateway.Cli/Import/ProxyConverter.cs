using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionGateway.Cli.Import;

/// <summary>Converts one named proxy into gateway paths (one per method), reporting what it cannot carry over.</summary>
internal static class ProxyConverter
{
    private static readonly string[] ProxyKeys = ["matchCondition", "backendUri", "requestOverrides", "responseOverrides", "debug", "disabled", "desc"];

    private static readonly string[] GatewayMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

    public static List<JsonObject> Convert(JsonObject proxy, ProxyScope scope, ServerSet servers)
    {
        foreach (var (key, _) in proxy)
        {
            if (!ProxyKeys.Contains(key, StringComparer.Ordinal))
            {
                scope.NotConverted(key, $"is not a key of the proxies.json format ({string.Join(", ", ProxyKeys)}); ignored");
            }
        }

        if (proxy["disabled"]?.GetValueKind() == JsonValueKind.True)
        {
            scope.Skipped("disabled", "the proxy is disabled, so it answered 404; without a route the gateway answers 404 too");
            return [];
        }

        if (proxy["debug"]?.GetValueKind() == JsonValueKind.True)
        {
            scope.NotConverted("debug", "Proxies debug traces (Proxy-Trace-Location) do not exist in the gateway; it logs every request on one line instead");
        }

        if (proxy["matchCondition"] is not JsonObject match || match["route"]?.GetValueKind() != JsonValueKind.String)
        {
            scope.NotConverted("matchCondition", "must be an object with a 'route' string");
            return [];
        }

        var path = RouteConverter.Convert(match["route"]!.GetValue<string>(), scope);
        if (path is null)
        {
            return [];
        }

        var methods = Methods(match, scope);
        var integration = Integration(proxy, scope, servers, out var mapping);
        if (methods.Count == 0 || integration is null)
        {
            return [];
        }

        return [.. methods.Select(method =>
        {
            var converted = new JsonObject { ["method"] = method, ["path"] = path, ["integration"] = integration.DeepClone() };
            if (mapping is not null)
            {
                converted["mapping"] = mapping.DeepClone();
            }

            return converted;
        })];
    }

    private static List<string> Methods(JsonObject match, ProxyScope scope)
    {
        if (match["methods"] is not JsonArray array || array.Count == 0)
        {
            if (match["methods"] is { } other)
            {
                scope.NotConverted("matchCondition.methods", $"must be an array of method names, not {other.ToJsonString()}; the route answers every method");
            }

            return ["ANY"];
        }

        var methods = new List<string>();
        foreach (var node in array)
        {
            var method = node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>().ToUpperInvariant() : node?.ToJsonString() ?? "null";
            if (GatewayMethods.Contains(method, StringComparer.Ordinal))
            {
                if (!methods.Contains(method, StringComparer.Ordinal))
                {
                    methods.Add(method);
                }
            }
            else
            {
                scope.NotConverted("matchCondition.methods", $"'{method}' is not a method a gateway route can name ({string.Join(", ", GatewayMethods)}); requests with it get 404");
            }
        }

        // Every method listed: one ANY route says the same, and is what a reader expects.
        return methods.Count == GatewayMethods.Length ? ["ANY"] : methods;
    }

    private static JsonObject? Integration(JsonObject proxy, ProxyScope scope, ServerSet servers, out JsonObject? mapping)
    {
        mapping = null;
        var requestOverrides = proxy["requestOverrides"] as JsonObject;
        var responseOverrides = proxy["responseOverrides"] as JsonObject;
        if (proxy["backendUri"] is not { } backendNode)
        {
            if (requestOverrides is { Count: > 0 })
            {
                scope.Skipped("requestOverrides", "there is no backendUri, so there was no back-end request to change");
            }

            return StaticResponseConverter.Convert(responseOverrides, scope);
        }

        if (backendNode.GetValueKind() != JsonValueKind.String)
        {
            scope.NotConverted("backendUri", "must be a string");
            return null;
        }

        foreach (var (key, _) in responseOverrides ?? [])
        {
            scope.NotConverted($"responseOverrides.{key}",
                "the gateway streams a proxied response as the back end sent it and does not change its status, headers or body");
        }

        if (BackendUriConverter.Convert(backendNode.GetValue<string>(), scope, servers) is not { } target)
        {
            return null;
        }

        var overrides = requestOverrides is null ? new RequestOverrides() : RequestOverridesConverter.Convert(requestOverrides, scope);
        var integration = new JsonObject { ["type"] = "http_proxy", ["server"] = target.Server, ["path"] = target.Path };
        if (overrides.Method is not null)
        {
            integration["method"] = overrides.Method;
        }

        mapping = Mapping([.. target.Query, .. overrides.Query], overrides.Headers);
        return integration;
    }

    private static JsonObject? Mapping(List<KeyValuePair<string, string>> query, List<KeyValuePair<string, string>> headers)
    {
        var mapping = new JsonObject();
        if (headers.Count > 0)
        {
            mapping["headers"] = ToObject(headers, StringComparison.OrdinalIgnoreCase);
        }

        if (query.Count > 0)
        {
            mapping["query"] = ToObject(query, StringComparison.Ordinal);
        }

        return mapping.Count == 0 ? null : mapping;
    }

    // requestOverrides come after the backendUri's query and win over it, as they did in Proxies.
    private static JsonObject ToObject(List<KeyValuePair<string, string>> values, StringComparison names)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in values)
        {
            if (obj.Select(p => p.Key).FirstOrDefault(k => k.Equals(name, names)) is { } existing)
            {
                obj.Remove(existing);
            }

            obj[name] = value;
        }

        return obj;
    }
}
