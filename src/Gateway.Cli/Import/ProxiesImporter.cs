using System.Text.Json.Nodes;
using FunctionGateway.Routing;

namespace FunctionGateway.Cli.Import;

/// <summary>Converts a proxies.json document into a gateway config, proxy by proxy; wildcard routes are written last, in match order.</summary>
internal static class ProxiesImporter
{
    private static readonly string[] TopLevelKeys = ["$schema", "proxies"];

    public static ImportResult Import(JsonObject document, string sourceName)
    {
        var notes = new List<ImportNote>();
        foreach (var (key, _) in document)
        {
            if (!TopLevelKeys.Contains(key, StringComparer.Ordinal))
            {
                notes.Add(new ImportNote(ImportNoteKind.NotConverted, "", key, "is not a key of the proxies.json format; ignored"));
            }
        }

        var proxies = (JsonObject)document["proxies"]!;
        var servers = new ServerSet();
        var paths = new JsonArray();
        var routes = new Dictionary<(string Method, string Shape), string>();
        var appSettings = new SortedSet<string>(StringComparer.Ordinal);
        var converted = 0;
        foreach (var (name, node) in proxies)
        {
            var scope = new ProxyScope(name, notes);
            if (node is not JsonObject proxy)
            {
                scope.NotConverted("(proxy)", "must be an object with 'matchCondition'");
                continue;
            }

            var added = 0;
            foreach (var path in ProxyConverter.Convert(proxy, scope, servers))
            {
                if (Duplicate(path, name, routes) is { } first)
                {
                    scope.NotConverted($"{path["method"]} {path["path"]}", $"proxy '{first}' already has this method and route, and the first one wins; this route is left out");
                    continue;
                }

                paths.Add(path);
                added++;
            }

            if (added == 0 && proxy["disabled"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
            {
                scope.NotConverted("(proxy)", "left out: no route was written for it, for the reason above");
            }

            converted += added > 0 ? 1 : 0;
            appSettings.UnionWith(scope.AppSettings);
        }

        var config = new JsonObject
        {
            ["title"] = $"Imported from {sourceName}",
            ["description"] = "Converted from Azure Functions Proxies by 'gateway import-proxies'.",
        };
        if (servers.Servers.Count > 0)
        {
            config["servers"] = new JsonArray([.. servers.Servers.Select(s => new JsonObject { ["alias"] = s.Key, ["url"] = s.Value })]);
        }

        config["paths"] = InMatchOrder(paths);
        return new ImportResult(config, notes, proxies.Count, converted, appSettings);
    }

    /// <summary>
    /// The paths in the file's order, but with wildcard routes last, in the order the gateway tries them. The
    /// gateway's matching does not depend on the order of paths; a wildcard listed before the narrower routes that
    /// take its requests would make the file read as if it won, and the validator warns about that.
    /// </summary>
    private static JsonArray InMatchOrder(JsonArray paths)
    {
        var wildcards = new List<ImportedRoute>();
        var order = new List<int>(paths.Count);
        for (var i = 0; i < paths.Count; i++)
        {
            // Both parse: the converter wrote them (RouteConverter checked the template).
            _ = RouteMethods.TryParse(paths[i]!["method"]!.GetValue<string>(), out var method);
            _ = RouteTemplate.TryParse(paths[i]!["path"]!.GetValue<string>(), out var template, out _);
            if (template!.HasWildcard)
            {
                wildcards.Add(new ImportedRoute(i, method, template));
            }
            else
            {
                order.Add(i);
            }
        }

        var ranked = new RouteTable<ImportedRoute>(wildcards).InPriorityOrder().Select(r => r.Index).ToList();
        order.AddRange(ranked);
        // The table keeps one route per method and template; duplicates were left out above, so this adds nothing,
        // but no path may ever be dropped by ordering.
        order.AddRange(wildcards.Select(r => r.Index).Except(ranked));
        return new JsonArray([.. order.Select(i => paths[i]!.DeepClone())]);
    }

    private sealed record ImportedRoute(int Index, RouteMethod Method, RouteTemplate Template) : IRoutable;

    /// <summary>The proxy that already produced a route of this method and shape, or null (and the route is recorded).</summary>
    private static string? Duplicate(JsonObject path, string proxy, Dictionary<(string, string), string> routes)
    {
        // The converter produced a valid template: RouteConverter checked it.
        _ = RouteTemplate.TryParse(path["path"]!.GetValue<string>(), out var template, out _);
        var key = (path["method"]!.GetValue<string>(), template!.Shape);
        if (routes.TryGetValue(key, out var first))
        {
            return first;
        }

        routes[key] = proxy;
        return null;
    }
}
