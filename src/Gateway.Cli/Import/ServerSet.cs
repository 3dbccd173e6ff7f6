using System.Text;

namespace FunctionGateway.Cli.Import;

/// <summary>The converted config's servers: one per back-end origin, each with an alias derived from its host.</summary>
internal sealed class ServerSet
{
    private readonly Dictionary<string, string> _aliasByUrl = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<KeyValuePair<string, string>> _servers = [];

    /// <summary>(alias, url) in the order first used.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Servers => _servers;

    /// <summary>The alias of the server for <paramref name="url"/> (<c>https://host</c> or <c>$env.NAME</c>), adding it on first use.</summary>
    public string AliasFor(string url)
    {
        if (_aliasByUrl.TryGetValue(url, out var alias))
        {
            return alias;
        }

        var baseAlias = BaseAlias(url);
        alias = baseAlias;
        for (var n = 2; _servers.Any(s => s.Key == alias); n++)
        {
            alias = $"{baseAlias}-{n}";
        }

        _aliasByUrl[url] = alias;
        _servers.Add(KeyValuePair.Create(alias, url));
        return alias;
    }

    // 'https://orders-api.azurewebsites.net:8443' -> 'orders-api'; '$env.ORDERS_HOST' -> 'orders-host'.
    private static string BaseAlias(string url)
    {
        string host;
        if (url.StartsWith("$env.", StringComparison.Ordinal))
        {
            host = url["$env.".Length..];
        }
        else
        {
            host = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
            host = host.StartsWith("$env.", StringComparison.Ordinal) ? host["$env.".Length..] : host;
            host = host.Split(':')[0];
            host = System.Net.IPAddress.TryParse(host, out _) ? "server" : host.Split('.')[0];
        }

        var alias = new StringBuilder();
        foreach (var ch in host.ToLowerInvariant())
        {
            alias.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '-');
        }

        var text = alias.ToString().Trim('-');
        return text.Length == 0 ? "server" : text;
    }
}
