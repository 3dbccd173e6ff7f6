namespace FunctionGateway.Cli.Tests.Support;

/// <summary>Config texts the command tests write to files.</summary>
public static class Configs
{
    public const string Valid = """
        {
          "servers": [{ "alias": "orders", "url": "https://orders.example.com/v1" }],
          "authorizer": { "type": "jwt", "secret": "$secret.CLI_TEST_JWT_SECRET", "algorithm": "HS256", "issuer": "https://issuer.example.com", "audience": "orders-api" },
          "paths": [
            { "method": "GET", "path": "/health", "response": { "status": "ok" } },
            { "method": "ANY", "path": "/orders/{.+}", "auth": true, "integration": { "type": "http_proxy", "server": "orders" } },
            { "method": "GET", "path": "/orders/{id}", "auth": true,
              "authorization": { "require_all": [{ "claim": "scope", "values": ["orders:read"] }] },
              "integration": { "type": "http_proxy", "server": "orders" } },
            { "method": "GET", "path": "/orders/export", "response": [] }
          ]
        }
        """;

    public const string TwoErrorsOneWarning = """
        {
          "servers": [{ "alias": "orders", "url": "ftp://orders" }],
          "paths": [
            { "method": "GET", "path": "/a", "integration": { "type": "http_proxy", "server": "billing" } },
            { "method": "GET", "path": "/runtime/x", "response": 1 }
          ]
        }
        """;
}
