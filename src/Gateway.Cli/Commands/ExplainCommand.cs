using System.CommandLine;
using FunctionGateway.Tooling.Diagnostics;

namespace FunctionGateway.Cli.Commands;

/// <summary>
/// <c>gateway explain</c>: what the gateway does with one request and why. The verdict comes from the engine's own
/// match and authorize steps (<see cref="RequestExplainer"/>); this command parses the options and prints.
/// Exit codes: 0 let through, 1 refused, 2 bad input, 3 undetermined (offline, keys not fetched).
/// </summary>
internal static class ExplainCommand
{
    public const int Refused = 1;
    public const int Undetermined = 3;

    public static Command Create()
    {
        var config = new Option<FileInfo>("--config", "-c") { Description = "The gateway config file (JSON).", Required = true };
        var method = new Option<string>("--method", "-X") { Description = "The request method.", DefaultValueFactory = _ => "GET" };
        var path = new Option<string>("--path", "-p") { Description = "The request path, e.g. /private/orders (a ?query is allowed).", Required = true };
        var token = new Option<string?>("--token", "-t") { Description = "A JWT, sent where the route's authorizer reads first (by default Authorization: Bearer)." };
        var tokenFile = new Option<FileInfo?>("--token-file") { Description = "A file holding the JWT, instead of --token." };
        var headers = new Option<string[]>("--header", "-H") { Description = "A request header NAME:VALUE; repeat for more." };
        var query = new Option<string[]>("--query") { Description = "A query parameter NAME=VALUE; repeat for more." };
        var cookies = new Option<string[]>("--cookie") { Description = "A cookie NAME=VALUE; repeat for more." };
        var at = new Option<string?>("--at") { Description = "The clock for exp/nbf/iat: ISO 8601 (2026-03-06T10:00:00Z) or Unix seconds. Default: now." };
        var offline = new Option<bool>("--offline") { Description = "Do not fetch jwks_uri or discovery documents; report which checks could not run." };
        var command = new Command("explain", "Explain which route a request matches, each check its token goes through, and the exact answer the gateway sends. " +
            "Exit code 0: let through; 1: refused; 2: bad input; 3: undetermined (--offline left key checks unrun).")
        {
            config, method, path, token, tokenFile, headers, query, cookies, at, offline,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            try
            {
                var clock = result.GetValue(at) is { } text ? CommandInput.ParseTime("--at", text) : (DateTimeOffset?)null;
                var request = new ExplainRequest
                {
                    Method = ParseMethod(result.GetRequiredValue(method)),
                    Path = ParsePath(result.GetRequiredValue(path)),
                    Headers = [.. (result.GetValue(headers) ?? []).Select(h => CommandInput.ParsePair("--header", h, ':'))],
                    Query = [.. (result.GetValue(query) ?? []).Select(q => CommandInput.ParsePair("--query", q, '='))],
                    Cookies = [.. (result.GetValue(cookies) ?? []).Select(c => CommandInput.ParsePair("--cookie", c, '='))],
                    Token = await ReadTokenAsync(result.GetValue(token), result.GetValue(tokenFile), cancellationToken),
                };
                var loaded = await ConfigFileInput.LoadAsync(result.GetRequiredValue(config), clock, result.GetValue(offline), error, cancellationToken);
                var explanation = await RequestExplainer.ExplainAsync(loaded.Runtime!, loaded.Context, request, loaded.Clock, cancellationToken);
                await ExplainPrinter.WriteAsync(output, explanation, clockGiven: clock is not null);
                return explanation.Verdict switch
                {
                    ExplainVerdict.Allowed => ExitCodes.Ok,
                    ExplainVerdict.Refused => Refused,
                    _ => Undetermined,
                };
            }
            catch (Exception e) when (e is CommandInputException or DiagnosticInputException)
            {
                await error.WriteLineAsync($"gateway explain: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static async Task<string?> ReadTokenAsync(string? token, FileInfo? file, CancellationToken cancellationToken)
    {
        if (token is not null && file is not null)
        {
            throw new CommandInputException("give --token or --token-file, not both");
        }

        if (file is null)
        {
            return token is null ? null : NonEmpty(token.Trim(), "--token");
        }

        var input = CommandLineFile.Option("--token-file", file);
        return NonEmpty((await input.ReadAllTextAsync(cancellationToken)).Trim(), input.ToString());
    }

    private static string NonEmpty(string token, string source) =>
        token.Length > 0 ? token : throw new CommandInputException($"{source} is empty");

    private static string ParseMethod(string method) =>
        method.Length > 0 && method.All(char.IsAsciiLetter)
            ? method.ToUpperInvariant()
            : throw new CommandInputException($"--method '{method}' is not an HTTP method (GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD...)");

    // A URL pasted from a browser or a log is taken for its path and query.
    private static string ParsePath(string path) =>
        path.StartsWith('/') ? path
        : Uri.TryCreate(path, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.PathAndQuery
        : throw new CommandInputException($"--path '{path}' must start with '/', e.g. /private/orders");
}
