namespace FunctionGateway.Azure.Tests.Azurite;

/// <summary>Config versions the reload tests upload: static routes, so nothing but the gateway is needed.</summary>
internal static class GatewayConfigs
{
    public static string Version(string version, params string[] paths) => $$"""
        {
          "paths": [
            { "method": "GET", "path": "/stable", "response": { "version": "{{version}}" } }
            {{string.Concat(paths.Select(p => $$""", { "method": "GET", "path": "{{p}}", "response": { "version": "{{version}}" } }"""))}}
          ]
        }
        """;

    /// <summary>Valid JSON, invalid config: the route names a server the config does not declare.</summary>
    public const string UnknownServer = """
        {
          "paths": [
            { "method": "GET", "path": "/stable", "integration": { "type": "http_proxy", "server": "nowhere" } }
          ]
        }
        """;
}
