using System.Net;
using System.Net.Sockets;

namespace FunctionGateway.Integrations;

/// <summary>
/// The proxies in front of the gateway whose <c>X-Forwarded-*</c> headers it believes: addresses and CIDR ranges,
/// from the <c>Gateway:Forwarding:TrustedProxies</c> setting (comma-separated).
/// </summary>
internal sealed class TrustedProxies
{
    public const string SettingKey = "Gateway:Forwarding:TrustedProxies";

    private readonly IPNetwork[] _networks;

    private TrustedProxies(IPNetwork[] networks) => _networks = networks;

    public static TrustedProxies None { get; } = new([]);

    /// <summary>The hop from the Functions host to its worker, which is always on loopback.</summary>
    public static TrustedProxies Loopback { get; } = new([IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]);

    public bool IsEmpty => _networks.Length == 0;

    public bool Contains(IPAddress address)
    {
        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    public TrustedProxies With(TrustedProxies other) => new([.. _networks, .. other._networks]);

    /// <summary>Parses the setting; null and a problem naming the bad entry when one is not an address or range.</summary>
    public static TrustedProxies? Parse(string? setting, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(setting))
        {
            return None;
        }

        var networks = new List<IPNetwork>();
        foreach (var entry in setting.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address) && !entry.Contains('/', StringComparison.Ordinal))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                problem = $"{SettingKey} holds '{entry}': expected IP addresses or CIDR ranges separated by commas, such as '10.0.0.0/8, 192.0.2.7'";
                return null;
            }
        }

        return new TrustedProxies([.. networks]);
    }
}
