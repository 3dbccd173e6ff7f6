using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionGateway.Configuration.Validation;

namespace FunctionGateway.Cli.Import;

/// <summary>
/// Converts the <c>responseOverrides</c> of a proxy without <c>backendUri</c> (a mock) into a <c>static</c>
/// integration: status, headers, and the body as JSON when it is JSON, as text otherwise.
/// </summary>
internal static class StaticResponseConverter
{
    private const string StatusKey = "response.statusCode";
    private const string ReasonKey = "response.statusReason";
    private const string BodyKey = "response.body";
    private const string HeaderPrefix = "response.headers.";

    public static JsonObject Convert(JsonObject? overrides, ProxyScope scope)
    {
        var integration = new JsonObject { ["type"] = "static" };
        var headers = new JsonObject();
        JsonNode? body = null;
        foreach (var (key, node) in overrides ?? [])
        {
            var item = $"responseOverrides.{key}";
            if (key.Equals(BodyKey, StringComparison.OrdinalIgnoreCase))
            {
                body = node;
            }
            else if (key.Equals(StatusKey, StringComparison.OrdinalIgnoreCase))
            {
                if (Status(node, scope, item) is { } status)
                {
                    integration["status"] = status;
                }
            }
            else if (key.Equals(ReasonKey, StringComparison.OrdinalIgnoreCase))
            {
                scope.NotConverted(item, "a custom reason phrase is not sent: HTTP/2 and HTTP/3 have none, and the gateway sends the standard one with the status code");
            }
            else if (key.Length > HeaderPrefix.Length && key.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                Header(key[HeaderPrefix.Length..], node, headers, scope, item);
            }
            else
            {
                scope.NotConverted(item, $"is not a responseOverrides key; use {StatusKey}, {ReasonKey}, {BodyKey} or {HeaderPrefix}<name>");
            }
        }

        if (headers.Count > 0)
        {
            integration["headers"] = headers;
        }

        if (body is not null)
        {
            Body(body, headers, integration, scope);
        }

        if (integration["status"]?.GetValue<int>() is 204 or 304 && (integration.Remove("body") | integration.Remove("body_text")))
        {
            scope.NotConverted($"responseOverrides.{BodyKey}", $"a {integration["status"]} response has no body; the body is dropped");
        }

        return integration;
    }

    private static int? Status(JsonNode? node, ProxyScope scope, string item)
    {
        var text = node?.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>().Trim(),
            JsonValueKind.Number => node.ToJsonString(),
            _ => null,
        };
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 200 and <= 599)
        {
            return status;
        }

        scope.NotConverted(item, $"'{text ?? node?.ToJsonString()}' is not a status code from 200 to 599 written out; the response is sent with 200");
        return null;
    }

    private static void Header(string name, JsonNode? node, JsonObject headers, ProxyScope scope, string item)
    {
        var raw = node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node?.ToJsonString() ?? "";
        // An empty value leaves the header out, as Proxies does; the gateway computes the length itself.
        if (raw.Length == 0 || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
            || ValueConverter.ToStatic(raw, scope, item) is not { } value)
        {
            return;
        }

        // The gateway's own validator decides; a setting's value is checked when the config loads.
        if (ResponseHeaderCheck.Problem(name, value, hasCors: false) is { } problem)
        {
            scope.NotConverted(item, problem);
            return;
        }

        headers[name] = value;
    }

    private static void Body(JsonNode body, JsonObject headers, JsonObject integration, ProxyScope scope)
    {
        const string item = "responseOverrides." + BodyKey;
        if (body.GetValueKind() != JsonValueKind.String)
        {
            integration["body"] = body.DeepClone();
            return;
        }

        if (ValueConverter.ToStatic(body.GetValue<string>(), scope, item) is not { } text)
        {
            return;
        }

        var contentType = headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>();
        if ((contentType is null || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)) && ParseJson(text) is { } json)
        {
            integration["body"] = json;
        }
        else
        {
            integration["body_text"] = text;
        }
    }

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text) is { } node && node.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array ? node : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
