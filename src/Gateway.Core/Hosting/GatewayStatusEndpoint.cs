using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Secrets;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Hosting;

/// <summary>
/// Answers <c>GET {Gateway:Status:Path}</c> with what the gateway is serving and why: config version, last
/// rejected version, key, secret sources and references. Names and states only: never a secret value.
/// The engine's match step asks it first, so every host serves it the same way, even with no config loaded.
/// </summary>
internal sealed class GatewayStatusEndpoint(PathString path, ConfigWatcher watcher, GatewayRuntimeHolder holder, ISecretSource secrets)
    : IGatewayStatusEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public bool Handles(HttpRequest request) => request.Path.Equals(path, StringComparison.Ordinal);

    public Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        }

        response.ContentType = "application/json";
        return response.WriteAsync(JsonSerializer.Serialize(Describe(), Json), context.RequestAborted);
    }

    private object Describe()
    {
        var status = watcher.Status;
        var runtime = holder.Current;
        return new
        {
            Serving = runtime is not null,
            UnavailableReason = runtime is null ? holder.UnavailableReason : null,
            Config = new
            {
                status.Source,
                Etag = runtime?.Version.Tag,
                LoadedAt = runtime?.Version.LoadedAt,
                status.LastCheckedAt,
                status.SourceError,
                status.LastRejected,
            },
            References = status.References.Select(r => new
            {
                Kind = r.Kind == ConfigReferenceKind.Secret ? "secret" : "env",
                r.Name,
                r.Location,
                r.Resolved,
            }),
            KeySources = runtime?.Authorizers.Select(a => new { Authorizer = a.Name, State = a.KeyState }) ?? [],
            SecretSources = new[]
            {
                new
                {
                    secrets.Name,
                    Secrets = secrets.States,
                },
            },
        };
    }
}
