using System.Text.Json.Nodes;

namespace FunctionGateway.Configuration;

/// <summary>
/// What a path does: <c>http_proxy</c> forwards to one of the servers, <c>static</c> answers with a fixed
/// response. Which keys apply to which type is checked by the validator, so a misplaced key is a located error.
/// </summary>
public sealed record IntegrationConfig
{
    public const string HttpProxy = "http_proxy";

    /// <summary>Serverless API Gateway's alias of <see cref="HttpProxy"/>.</summary>
    public const string Http = "http";

    /// <summary>Extension of the format: a fixed response with a status, headers and a body.</summary>
    public const string Static = "static";

    /// <summary>Null when the config's <c>type</c> is missing or not a string: the reader has reported it.</summary>
    public required string? Type { get; init; }

    /// <summary>http_proxy: the alias of one of the config's servers.</summary>
    public string? Server { get; init; }

    /// <summary>
    /// http_proxy, extension of the format: the backend path template (<c>/api/users/{id}</c>, <c>/files/{.+}</c>)
    /// appended to the server URL instead of the default target rule.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>http_proxy, extension of the format: the method sent to the server instead of the client's.</summary>
    public string? Method { get; init; }

    /// <summary>static: the status code, 200 when absent.</summary>
    public int? Status { get; init; }

    /// <summary>static: response headers; <c>Content-Type</c> replaces the body's default.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>static: a JSON body, sent as <c>application/json</c>.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>static: true when the config has a <c>body</c> key, even if its value is JSON null.</summary>
    public bool HasBody { get; init; }

    /// <summary>static: a body sent as is, <c>text/plain; charset=utf-8</c> unless a Content-Type header says otherwise.</summary>
    public string? BodyText { get; init; }

    public bool IsHttpProxy => Type is HttpProxy or Http;

    public bool IsStatic => Type == Static;
}
