using System.Runtime.Versioning;
using System.Text.Json;
using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests;

public class ValidateCommandTests
{
    [Fact]
    public async Task Validate_ValidConfig_ExitsZeroAndListsUnresolvedReference()
    {
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", Configs.Valid);

        var result = await GatewayCommand.RunAsync("validate", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([
            $"{file}: valid, 1 warning",
            "warning: paths[1]: ANY /orders/{.+} is declared before paths[2] (GET /orders/{id}), paths[3] (GET /orders/export), which take the requests " +
            "they match from it: a narrower route wins wherever it is declared, not the first one in 'paths'; declare the wildcard after them so the file reads in the order routes are tried",
            "references (not resolved, and the values they stand for not checked; --resolve resolves them):",
            "  reference                    location",
            "  $secret.CLI_TEST_JWT_SECRET  authorizer.secret",
        ], Lines(result.Stdout));
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Validate_Errors_ExitsOneWithEveryLocation()
    {
        using var dir = new TempDir();
        var file = dir.Write("bad.json", Configs.TwoErrorsOneWarning);

        var result = await GatewayCommand.RunAsync("validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = Lines(result.Stdout);
        Assert.Equal($"{file}: invalid, 2 errors, 1 warning", lines[0]);
        Assert.Equal("error: servers[0].url: must be an absolute http:// or https:// URL, such as 'https://orders.internal.example.com'", lines[1]);
        Assert.Equal("error: paths[0].integration.server: unknown server alias 'billing'; known aliases: orders", lines[2]);
        Assert.StartsWith("warning: paths[1].path: '/runtime/x' is under /runtime", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_JsonFormat_StableDocument()
    {
        using var dir = new TempDir();
        var file = dir.Write("bad.json", Configs.TwoErrorsOneWarning.Replace("ftp://orders", "$env.ORDERS_URL", StringComparison.Ordinal));

        var result = await GatewayCommand.RunAsync("validate", file, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal(["file", "valid", "resolved", "errors", "warnings", "references"], root.EnumerateObject().Select(p => p.Name));
        Assert.False(root.GetProperty("valid").GetBoolean());
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal("paths[0].integration.server", error.GetProperty("location").GetString());
        Assert.Equal("unknown server alias 'billing'; known aliases: orders", error.GetProperty("message").GetString());
        Assert.Single(root.GetProperty("warnings").EnumerateArray());
        var reference = Assert.Single(root.GetProperty("references").EnumerateArray());
        Assert.Equal("$env.ORDERS_URL", reference.GetProperty("reference").GetString());
        Assert.Equal("servers[0].url", reference.GetProperty("location").GetString());
        Assert.Equal(JsonValueKind.Null, reference.GetProperty("resolved").ValueKind);
    }

    [Fact]
    public async Task Validate_ResolveWithMissingSecret_ExitsOneNamingIt()
    {
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", Configs.Valid);

        var result = await GatewayCommand.RunAsync("validate", file, "--resolve");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error: authorizer.secret: unresolved reference '$secret.CLI_TEST_JWT_SECRET': no secret named 'CLI_TEST_JWT_SECRET' in app settings and environment variables",
            Lines(result.Stdout));
        Assert.Contains("  $secret.CLI_TEST_JWT_SECRET  authorizer.secret  MISSING", Lines(result.Stdout));
    }

    [Fact]
    public async Task Validate_ResolveWithSecretInEnvironment_ValidAndNeverPrintsIt()
    {
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", Configs.Valid);
        const string Secret = "cli-test-secret-value-of-at-least-32-bytes";

        var result = await GatewayCommand.RunWithEnvironmentAsync(new Dictionary<string, string?> { ["CLI_TEST_JWT_SECRET"] = Secret }, "validate", file, "--resolve", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.True(doc.RootElement.GetProperty("resolved").GetBoolean());
        Assert.True(Assert.Single(doc.RootElement.GetProperty("references").EnumerateArray()).GetProperty("resolved").GetBoolean());
        Assert.DoesNotContain(Secret, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ShortLiteralSecret_StillAnErrorWithoutResolve()
    {
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", Configs.Valid.Replace("$secret.CLI_TEST_JWT_SECRET", "literal-short", StringComparison.Ordinal));

        var result = await GatewayCommand.RunAsync("validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error: authorizer.secret: is 13 bytes; HS256 needs a secret of at least 32 bytes", Lines(result.Stdout));
        Assert.DoesNotContain("literal-short", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MalformedJson_ExitsOneWithLineAndColumn()
    {
        using var dir = new TempDir();
        var file = dir.Write("broken.json", "{\n  \"paths\": [\n    { \"method\": \"GET\" \n  ]\n}");

        var result = await GatewayCommand.RunAsync("validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = Lines(result.Stdout);
        Assert.Equal($"{file}: invalid, 1 error", lines[0]);
        Assert.StartsWith("error: line 4, column 3: ']' closes nothi", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nope.json", "no such file")]
    [InlineData("no-dir/nope.json", "no such file (its directory does not exist)")]
    [InlineData(".", "it is a directory, not a file")]
    public async Task Validate_NoReadableFile_OneLineNamingThePathAsTypedExitTwo(string path, string reason)
    {
        using var dir = new TempDir();

        var result = await GatewayCommand.RunInAsync(dir.Path, "validate", path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal($"cannot read file '{path}': {reason}", result.Stderr.TrimEnd());
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task Validate_UnreadableFile_PermissionDeniedExitTwo()
    {
        using var dir = new TempDir();
        var file = UnreadableFile.In(dir);

        var result = await GatewayCommand.RunAsync("validate", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"cannot read file '{file}': permission denied", result.Stderr.TrimEnd());
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task Validate_ReadFails_OneLineWithTheReasonAndNoFullPathExitTwo()
    {
        // The kernel opens a process's own memory but refuses to read it at offset 0.
        var result = await GatewayCommand.RunAsync("validate", "/proc/self/mem");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("cannot read file '/proc/self/mem': Input/output error", result.Stderr.TrimEnd());
    }

    [Theory]
    [InlineData("--format", "yaml", "Argument 'yaml' not recognized")]
    [InlineData("--frobnicate", null, "Unrecognized command or argument '--frobnicate'")]
    public async Task Validate_BadFlag_ExitTwoNamingIt(string flag, string? value, string expected)
    {
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", Configs.Valid);

        var result = await GatewayCommand.RunAsync(value is null ? ["validate", file, flag] : ["validate", file, flag, value]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Validate_HostFunctions_ReservedPathIsAnError()
    {
        using var dir = new TempDir();
        var file = dir.Write("gateway.json", """{ "paths": [{ "method": "GET", "path": "/admin/users", "response": 1 }] }""");

        var serve = await GatewayCommand.RunAsync("validate", file);
        var functions = await GatewayCommand.RunAsync("validate", file, "--host", "functions");

        Assert.True(serve.ExitCode == 0, serve.ToString());
        Assert.True(functions.ExitCode == 1, functions.ToString());
        Assert.Equal("error: paths[0].path: '/admin/users' is under /admin, which the Azure Functions host reserves for itself: " +
            "requests to it never reach the gateway; move the route to another path", Lines(functions.Stdout)[1]);
    }

    [Fact]
    public async Task Validate_Help_DocumentsExitCodes()
    {
        var result = await GatewayCommand.RunAsync("validate", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Exit code 0: valid (warnings alone keep 0); 1: the config has errors; 2: the file cannot be read", result.Stdout.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    internal static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
