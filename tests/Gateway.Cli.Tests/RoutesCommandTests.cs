using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests;

public class RoutesCommandTests
{
    [Fact]
    public async Task Routes_ValidConfig_TableInMatchOrder()
    {
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", Configs.Valid);

        var result = await GatewayCommand.RunAsync("routes", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([
            "#  METHOD  PATH            KIND           AUTH              TARGET                                   LOCATION",
            "1  GET     /health         exact          none              static                                   paths[0]",
            "2  GET     /orders/export  exact          none              static                                   paths[3]",
            "3  GET     /orders/{id}    parameterised  default + claims  orders -> https://orders.example.com/v1  paths[2]",
            "4  ANY     /orders/{.+}    wildcard       default           orders -> https://orders.example.com/v1  paths[1]",
        ], ValidateCommandTests.Lines(result.Stdout));
        Assert.StartsWith("warning: paths[1]: ANY /orders/{.+} is declared before", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_NamedAuthorizersAndCrossedWildcards_OrderOfTheMatcher()
    {
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", """
            { "authorizers": [{ "name": "staff", "type": "jwt", "secret": "$secret.A" }, { "name": "partners", "type": "jwt", "secret": "$secret.B" }],
              "paths": [
                { "method": "GET", "path": "/{.+}", "response": 0 },
                { "method": "GET", "path": "/{tenant}/reports/{.+}", "auth": ["staff", "partners"], "response": 1 },
                { "method": "GET", "path": "/files/{.+}", "auth": "staff", "response": 2 } ] }
            """);

        var result = await GatewayCommand.RunAsync("routes", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([
            "#  METHOD  PATH                    KIND      AUTH             TARGET  LOCATION",
            "1  GET     /files/{.+}             wildcard  staff            static  paths[2]",
            "2  GET     /{tenant}/reports/{.+}  wildcard  staff, partners  static  paths[1]",
            "3  GET     /{.+}                   wildcard  none             static  paths[0]",
        ], ValidateCommandTests.Lines(result.Stdout));
    }

    [Fact]
    public async Task Routes_StaticIntegrationAndBackendPath_TargetShowsStatusPathAndMethod()
    {
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", """
            { "servers": [{ "alias": "users", "url": "https://u.example.com/v1" }],
              "paths": [
                { "method": "GET", "path": "/old", "integration": { "type": "static", "status": 301, "headers": { "Location": "https://example.com/new" } } },
                { "method": "GET", "path": "/ok", "integration": { "type": "static", "body_text": "ok" } },
                { "method": "GET", "path": "/users/{id}", "integration": { "type": "http_proxy", "server": "users", "path": "/api/users/{id}", "method": "POST" } },
                { "method": "GET", "path": "/u/{id}", "integration": { "type": "http_proxy", "server": "users", "path": "/api/u/{id}" } } ] }
            """);

        var result = await GatewayCommand.RunAsync("routes", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([
            "#  METHOD  PATH         KIND           AUTH  TARGET                                                       LOCATION",
            "1  GET     /ok          exact          none  static 200                                                   paths[1]",
            "2  GET     /old         exact          none  static 301                                                   paths[0]",
            "3  GET     /u/{id}      parameterised  none  users -> https://u.example.com/v1 /api/u/{id}                paths[3]",
            "4  GET     /users/{id}  parameterised  none  users -> https://u.example.com/v1 /api/users/{id} (as POST)  paths[2]",
        ], ValidateCommandTests.Lines(result.Stdout));
    }

    [Fact]
    public async Task Routes_InvalidConfig_ExitsOneWithErrorsOnStderr()
    {
        using var dir = new TempDir();
        var file = dir.Write("bad.json", Configs.TwoErrorsOneWarning);

        var result = await GatewayCommand.RunAsync("routes", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Contains("paths[0].integration.server: unknown server alias 'billing'; known aliases: orders", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{file}: invalid config, no route table", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_BrokenJson_ExitsOneWithLineAndColumn()
    {
        using var dir = new TempDir();
        var file = dir.Write("broken.json", "{ \"paths\": [ ");

        var result = await GatewayCommand.RunAsync("routes", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("line 1, column 14: the text ends inside a", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_MissingFile_ExitTwo()
    {
        using var dir = new TempDir();
        var missing = Path.Combine(dir.Path, "nope.json");

        var result = await GatewayCommand.RunAsync("routes", missing);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"cannot read file '{missing}': no such file", result.Stderr.TrimEnd());
    }

    [Fact]
    public async Task Routes_UnknownFlag_ExitTwo()
    {
        var result = await GatewayCommand.RunAsync("routes", "x.json", "--format", "json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Unrecognized command or argument '--format'", result.Stderr, StringComparison.Ordinal);
    }
}
