using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionGateway.Errors;

internal static class ErrorWriter
{
    // Bodies are read by people at a terminal: keep quotes and non-ASCII as they are, not \u-escaped.
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the error's status and pre-serialized body, unless the response has already started.</summary>
    public static Task WriteAsync(HttpContext context, GatewayError error)
    {
        if (!TryStart(context, error))
        {
            return Task.CompletedTask;
        }

        context.Response.ContentLength = error.Body.Length;
        return context.Response.Body.WriteAsync(error.Body).AsTask();
    }

    /// <summary>
    /// Writes <c>{"error", "code", "detail"}</c>: for gateway errors whose cause names a part of the config,
    /// such as the server that did not answer. JWT errors keep the exact two-field body of their contract.
    /// </summary>
    public static Task WriteAsync(HttpContext context, GatewayError error, string detail)
    {
        if (!TryStart(context, error))
        {
            return Task.CompletedTask;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["error"] = error.Message,
            ["code"] = error.Code,
            ["detail"] = detail,
        }, ReadableJson);
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    private static bool TryStart(HttpContext context, GatewayError error)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return false;
        }

        response.StatusCode = error.Status;
        response.ContentType = "application/json";
        response.Headers[HeaderNames.CacheControl] = "no-store";
        return true;
    }
}
