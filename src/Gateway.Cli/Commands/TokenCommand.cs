using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionGateway.Tooling.Diagnostics;

namespace FunctionGateway.Cli.Commands;

/// <summary>
/// <c>gateway token</c>: mints a token an HS256/384/512 authorizer of the config accepts, for local testing with
/// <c>serve</c> or <c>func start</c>. The token alone goes to stdout, so <c>$(gateway token ...)</c> works.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config", "-c") { Description = "The gateway config file (JSON).", Required = true };
        var authorizer = new Option<string?>("--authorizer", "-a") { Description = "The named authorizer to mint for. Default: the config's 'authorizer', or its only one." };
        var subject = new Option<string?>("--sub") { Description = "The 'sub' claim. Default: the authorizer's subject, if it has one." };
        var claims = new Option<string[]>("--claim") { Description = "A claim NAME=VALUE; VALUE is read as JSON when it parses (42, true, [\"a\"]), else as a string. Repeat for more." };
        var ttl = new Option<string>("--ttl") { Description = "How long the token lives: 90s, 15m, 1h, 1h30m, 7d.", DefaultValueFactory = _ => "1h" };
        var at = new Option<string?>("--at") { Description = "The token's 'iat', from which --ttl counts: ISO 8601 or Unix seconds. Default: now." };
        var command = new Command("token", "Mint a token that an HS256/384/512 authorizer of the config accepts, for local testing.")
        {
            config, authorizer, subject, claims, ttl, at,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var now = result.GetValue(at) is { } text ? CommandInput.ParseTime("--at", text) : (DateTimeOffset?)null;
                var request = new TokenRequest
                {
                    Authorizer = result.GetValue(authorizer),
                    Subject = result.GetValue(subject),
                    Claims = [.. (result.GetValue(claims) ?? []).Select(ParseClaim)],
                    Lifetime = CommandInput.ParseDuration("--ttl", result.GetRequiredValue(ttl)),
                };
                var loaded = await ConfigFileInput.LoadAsync(result.GetRequiredValue(config), now, offline: true, result.InvocationConfiguration.Error, cancellationToken);
                var token = await TokenMinter.MintAsync(loaded.Runtime!.Config, request, loaded.Clock);
                await result.InvocationConfiguration.Output.WriteLineAsync(token);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is CommandInputException or DiagnosticInputException)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"gateway token: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static KeyValuePair<string, JsonNode?> ParseClaim(string text)
    {
        var (name, value) = CommandInput.ParsePair("--claim", text, '=');
        try
        {
            return KeyValuePair.Create(name, JsonNode.Parse(value));
        }
        catch (JsonException)
        {
            // scope="orders:read orders:write" reaches us without its quotes: a plain string.
            return KeyValuePair.Create(name, (JsonNode?)JsonValue.Create(value));
        }
    }
}
