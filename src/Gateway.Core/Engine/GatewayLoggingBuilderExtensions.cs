namespace Microsoft.Extensions.Logging;

public static class GatewayLoggingBuilderExtensions
{
    /// <summary>
    /// The log filters of every host of the gateway (<c>gateway serve</c> and the Function App): categories of the
    /// libraries under the engine that write request URLs, query strings included, at Information and below. A
    /// token sent as a query parameter (<c>?access_token=</c>) or a mapped claim sent upstream in one would
    /// otherwise reach the log and, in Azure, Application Insights. The engine writes one line per request and
    /// per failure itself, without them. Set after the host's own configuration, so that the same categories set
    /// in <c>Logging:LogLevel</c> do not turn them back on; a more specific category does (a deliberate choice).
    /// </summary>
    public static ILoggingBuilder AddGatewayLogFilters(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        // "Proxying to http://upstream/path?query" for every forwarded request; failures with stack traces.
        logging.AddFilter("Yarp", LogLevel.Error);
        // "Request starting GET http://host/path?query", and Kestrel's bad-request messages that quote the request line.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // IHttpClientFactory's "Sending HTTP request GET http://...?query" for any client a host adds.
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        return logging;
    }
}
