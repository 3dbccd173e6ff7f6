using System.Text;
using System.Text.Json.Nodes;
using FunctionGateway.Configuration;
using Microsoft.AspNetCore.Http;
using FunctionGateway.Model;

namespace FunctionGateway.Integrations;

/// <summary>
/// Answers with a fixed response: a path's <c>response</c> (a JSON body with 200) or a <c>static</c> integration
/// (status, headers, a JSON or text body). The body is serialized once, when the config is built.
/// </summary>
internal sealed class StaticResponseIntegration : IIntegration
{
    private const string JsonContentType = "application/json";
    private const string TextContentType = "text/plain; charset=utf-8";

    private readonly int _status;
    private readonly KeyValuePair<string, string>[] _headers;
    private readonly string? _contentType;
    private readonly byte[]? _body;

    private StaticResponseIntegration(int status, KeyValuePair<string, string>[] headers, string? contentType, byte[]? body)
    {
        _status = status;
        _headers = headers;
        _contentType = contentType;
        _body = body;
    }

    /// <summary>A path's <c>response</c>: any JSON value, sent as the body of a 200.</summary>
    public static StaticResponseIntegration ForResponse(JsonNode? response) =>
        new(StatusCodes.Status200OK, [], JsonContentType, Encoding.UTF8.GetBytes(response?.ToJsonString() ?? "null"));

    /// <summary>A validated <c>static</c> integration.</summary>
    public static StaticResponseIntegration ForStatic(IntegrationConfig config)
    {
        var headers = config.Headers ?? new Dictionary<string, string>();
        var contentType = headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        byte[]? body = null;
        if (config.HasBody)
        {
            body = Encoding.UTF8.GetBytes(config.Body?.ToJsonString() ?? "null");
            contentType ??= JsonContentType;
        }
        else if (config.BodyText is not null)
        {
            body = Encoding.UTF8.GetBytes(config.BodyText);
            contentType ??= TextContentType;
        }

        return new StaticResponseIntegration(config.Status ?? StatusCodes.Status200OK,
            [.. headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))], contentType, body);
    }

    public Task InvokeAsync(HttpContext context, GatewayRequestFeature request)
    {
        var response = context.Response;
        response.StatusCode = _status;
        foreach (var (name, value) in _headers)
        {
            // Appended, so that a configured Vary adds to the one CORS may have set instead of replacing it.
            response.Headers.Append(name, value);
        }

        if (_contentType is not null)
        {
            response.ContentType = _contentType;
        }

        if (_body is null)
        {
            // 204 and 304 never carry a length; anything else says plainly that the body is empty.
            if (_status is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified))
            {
                response.ContentLength = 0;
            }

            return Task.CompletedTask;
        }

        response.ContentLength = _body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(_body).AsTask();
    }
}
