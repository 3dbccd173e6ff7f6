using System.CommandLine;
using FunctionGateway.Configuration;

namespace FunctionGateway.Cli.Commands;

/// <summary>The options several commands share, defined once so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary><c>--format text|json</c>; json is the stable document for CI that docs/cli.md describes.</summary>
    public static Option<string> Format() => new Option<string>("--format")
    {
        Description = "Output format: 'text' for people, 'json' for CI (see docs/cli.md).",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "json");

    public static bool IsJson(ParseResult result, Option<string> format) => result.GetRequiredValue(format) == "json";

    /// <summary><c>--host serve|functions</c>: the rules of the host the config is for.</summary>
    public static Option<string> Host(string defaultHost) => new Option<string>("--host")
    {
        Description = "The host the config is for: 'serve' (gateway serve) or 'functions' (the Azure Functions app, " +
            $"where routes under /admin and /runtime are errors instead of warnings). Default: {defaultHost}.",
        DefaultValueFactory = _ => defaultHost,
    }.AcceptOnlyFromAmong("serve", "functions");

    public static GatewayHostKind HostKind(ParseResult result, Option<string> host) =>
        result.GetRequiredValue(host) == "functions" ? GatewayHostKind.AzureFunctions : GatewayHostKind.Standalone;

    /// <summary><c>--resolve</c>: resolve references as the gateway does, instead of checking them for presence only.</summary>
    public static Option<bool> Resolve() => new("--resolve")
    {
        Description = "Also resolve $env/$secret references from app settings, environment variables and Key Vault " +
            "(when Gateway__KeyVault__Uri is set), as the gateway does; reports the missing ones, never a value.",
    };
}
