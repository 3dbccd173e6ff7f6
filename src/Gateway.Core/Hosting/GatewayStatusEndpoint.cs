using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Errors;
using FunctionGateway.Secrets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Hosting;

/// <summary>
/// Answers <c>GET {Gateway:Status:Path}</c> with what the gateway is serving and why: config version, last
/// rejected version, key, secret sources and references. Names and states only: never a secret value.
/// The engine's match step asks it first, so every host serves it the same way, even with no config loaded.
/// With a <see cref="StatusKey"/> it answers only callers that send the key; under Azure Functions, where the
/// Function App's address is public, it is not served at all without one.
/// </summary>
internal sealed class GatewayStatusEndpoint(PathString path, StatusKey? key, GatewayHostKind host, ConfigWatcher watcher,
    GatewayRuntimeHolder holder, ISecretSource secrets, ILogger<GatewayStatusEndpoint> logger)
    : IGatewayStatusEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly bool _served = IsServed(path, key, host, logger);

    public bool Handles(HttpRequest request) => _served && request.Path.Equals(path, StringComparison.Ordinal);

    public Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        switch (key?.Check(context.Request))
        {
            case StatusKeyCheck.Missing:
                return ErrorWriter.WriteAsync(context, GatewayErrors.StatusKeyRequired,
                    $"send the status key (the value of {GatewaySettings.StatusKeyKey}) in the {StatusKey.HeaderName} header");
            case StatusKeyCheck.Wrong:
                return ErrorWriter.WriteAsync(context, GatewayErrors.StatusKeyRequired,
                    $"the {StatusKey.HeaderName} header does not hold the key set in {GatewaySettings.StatusKeyKey}");
        }

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

    private static bool IsServed(PathString path, StatusKey? key, GatewayHostKind host, ILogger logger)
    {
        if (key is not null || host != GatewayHostKind.AzureFunctions)
        {
            return true;
        }

        HostingLog.StatusEndpointNotServed(logger, path.Value ?? "", GatewaySettings.StatusPathKey, GatewaySettings.StatusKeyKey);
        return false;
    }
}
