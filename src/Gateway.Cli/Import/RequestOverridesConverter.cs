using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionGateway.Cli.Import;

/// <summary>
/// Converts <c>requestOverrides</c>: <c>backend.request.method</c> to the http_proxy's <c>method</c>,
/// <c>backend.request.headers.X</c> and <c>backend.request.querystring.X</c> to the path's <c>mapping</c>.
/// </summary>
internal static class RequestOverridesConverter
{
    private const string MethodKey = "backend.request.method";
    private const string HeaderPrefix = "backend.request.headers.";
    private const string QueryPrefix = "backend.request.querystring.";

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

    public static RequestOverrides Convert(JsonObject overrides, ProxyScope scope)
    {
        var result = new RequestOverrides();
        foreach (var (key, node) in overrides)
        {
            var item = $"requestOverrides.{key}";
            if (node?.GetValueKind() != JsonValueKind.String)
            {
                scope.NotConverted(item, "must be a string");
                continue;
            }

            var value = node.GetValue<string>();
            if (key.Equals(MethodKey, StringComparison.OrdinalIgnoreCase))
            {
                result.Method = Method(value, scope, item);
            }
            else if (Name(key, HeaderPrefix) is { } header)
            {
                Add(result.Headers, header, value, scope, item, "header");
            }
            else if (Name(key, QueryPrefix) is { } query)
            {
                Add(result.Query, query, value, scope, item, "parameter");
            }
            else
            {
                scope.NotConverted(item, $"is not a requestOverrides key; use {MethodKey}, {HeaderPrefix}<name> or {QueryPrefix}<name>");
            }
        }

        return result;
    }

    private static string? Method(string value, ProxyScope scope, string item)
    {
        // The client's own method is what the gateway sends anyway.
        if (value.Trim().Equals("{request.method}", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var method = value.Trim().ToUpperInvariant();
        if (Array.IndexOf(Methods, method) < 0)
        {
            scope.NotConverted(item, $"'{value}' is not a method the gateway sends ({string.Join(", ", Methods)}); the client's method is sent");
            return null;
        }

        return method;
    }

    private static void Add(List<KeyValuePair<string, string>> target, string name, string value, ProxyScope scope, string item, string what)
    {
        if (value.Length == 0)
        {
            // Microsoft's documentation says both that an empty value removes the header and that it is sent empty.
            scope.NotConverted(item, $"an empty value removed the {what} in some versions of Azure Functions Proxies and sent it empty in others; " +
                $"the gateway forwards the client's {what} unchanged: set a value, or drop the {what} in the back end");
            return;
        }

        if (ValueConverter.ToMapping(value, scope, item) is { } converted)
        {
            target.Add(KeyValuePair.Create(name, converted));
        }
    }

    private static string? Name(string key, string prefix) =>
        key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? key[prefix.Length..] : null;
}
