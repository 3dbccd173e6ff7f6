namespace FunctionGateway.Cli.Tests.Push;

/// <summary>Versions of one config, as an operator would push them one after another.</summary>
internal static class PushConfigs
{
    public const string First = """
        {
          "servers": [{ "alias": "orders", "url": "https://orders.example.com/v1" }],
          "paths": [
            { "method": "GET", "path": "/health", "response": { "status": "ok" } },
            { "method": "GET", "path": "/orders/{id}", "integration": { "type": "http_proxy", "server": "orders" } }
          ]
        }
        """;

    public const string Second = """
        {
          "servers": [{ "alias": "orders", "url": "https://orders.example.com/v2" }],
          "paths": [
            { "method": "GET", "path": "/health", "response": { "status": "ok" } },
            { "method": "GET", "path": "/orders/{id}", "integration": { "type": "http_proxy", "server": "orders" } },
            { "method": "GET", "path": "/version", "response": { "version": "2" } }
          ]
        }
        """;

    // An integration naming a server the config does not have: the gateway rejects it.
    public const string Rejected = """
        {
          "paths": [
            { "method": "GET", "path": "/orders/{id}", "integration": { "type": "http_proxy", "server": "orders" } }
          ]
        }
        """;
}
