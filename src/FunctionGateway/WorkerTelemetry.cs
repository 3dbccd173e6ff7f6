using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace FunctionGateway.Functions;

/// <summary>
/// Logs and telemetry of the Function App, through the worker's supported path: OpenTelemetry, exported by the
/// worker itself. The host drops worker log records that belong to no invocation, so the gateway's events outside
/// a request (config loads and rejections, key fetches, secret refreshes) reach Application Insights only this way.
/// </summary>
internal static class WorkerTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static void AddGatewayTelemetry(this FunctionsApplicationBuilder builder)
    {
        builder.Logging.AddGatewayLogFilters();

        // Tells the host that the worker exports its own telemetry, so the host neither forwards nor drops it.
        var telemetry = builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        var connectionString = builder.Configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            // Without Application Insights (`func start`, or an app without it), every record goes to standard output,
            // which the host logs as "Host.Function.Console" whether it belongs to an invocation or not. Warnings
            // and errors go to standard error, which the host logs at their level.
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.ColorBehavior = LoggerColorBehavior.Disabled;
            });
            builder.Logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Warning);
            return;
        }

        // Requests (the worker's side of each invocation, with the gateway's route, auth and upstream fields) and
        // dependencies (upstream calls, blob, Key Vault, JWKS, token acquisition). Query strings are redacted
        // (request URLs keep the names, "?access_token=Redacted"; dependency URLs keep "?*"), so a token sent in
        // a query, or a claim mapped into one, never leaves the process. The exporters
        // are attached as the providers are built, not by a hosted service: the first config load starts before
        // any hosted service does, and its events and blob read must be exported too (see TelemetryStart).
        var credential = TelemetryCredential.FromSetting(builder.Configuration[TelemetryCredential.SettingName]);
        void Configure(AzureMonitorExporterOptions options) => options.ConnectionString = connectionString;
        telemetry
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                // Not the worker's own gRPC stream to the host: one span as long as the worker lives.
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = r =>
                    r.RequestUri?.AbsolutePath.StartsWith("/AzureFunctionsRpcMessages.", StringComparison.Ordinal) != true)
                .AddAzureMonitorTraceExporter(Configure, credential))
            .WithLogging(logging => logging.AddAzureMonitorLogExporter(Configure, credential),
                // The message as the console shows it; its parts are exported as custom dimensions too.
                options => options.IncludeFormattedMessage = true);
        builder.Services.AddHostedService<TelemetryStart>();
    }
}
