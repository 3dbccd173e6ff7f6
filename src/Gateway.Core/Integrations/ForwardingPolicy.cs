using System.Buffers;
using System.Net;
using System.Net.Sockets;
using FunctionGateway.Configuration;
using FunctionGateway.Mapping;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FunctionGateway.Integrations;

/// <summary>
/// The one place that decides which identity and forwarding headers an upstream gets. Whatever a client sent
/// that says who it is, where it came from or what to do instead (<c>Forwarded</c>, <c>X-Forwarded-*</c>,
/// <c>X-Real-IP</c>, method and URL overrides, its own spelling of a mapped header) is removed; the gateway then
/// writes what it knows: the client's address, host and scheme as <see cref="ClientOf"/> establishes them.
/// </summary>
internal sealed class ForwardingPolicy(TrustedProxies trusted)
{
    /// <summary>Every header name beginning with this is the gateway's to set.</summary>
    public const string ForwardedPrefix = "X-Forwarded-";

    /// <summary>
    /// Headers that claim a client address or describe an earlier hop. The <c>X-Original-*</c> ones are left by
    /// ASP.NET Core's forwarded-headers middleware (which the Functions worker runs on the host's request) and
    /// <c>x-ms-invocation-id</c> by the Functions host: plumbing between host and worker, not the client's request.
    /// </summary>
    public static IReadOnlySet<string> IdentityHeaders { get; } = new HashSet<string>(
    [
        "Forwarded", "X-Real-IP", "X-Client-IP", "True-Client-IP", "X-Cluster-Client-IP", "Client-IP",
        "X-Original-For", "X-Original-Host", "X-Original-Proto", "X-Original-Prefix", "x-ms-invocation-id",
    ], HeaderNameComparer.Instance);

    /// <summary>Headers some servers and frameworks read as the real method or URL of a request.</summary>
    public static IReadOnlySet<string> OverrideHeaders { get; } = new HashSet<string>(
    [
        "X-Original-URL", "X-Rewrite-URL", "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override",
    ], HeaderNameComparer.Instance);

    /// <summary>
    /// Under <c>gateway serve</c> the proxies of the <see cref="TrustedProxies.SettingKey"/> setting; under Azure
    /// Functions also the host's own hop to the worker, on loopback.
    /// </summary>
    public static ForwardingPolicy Create(TrustedProxies configured, GatewayHostKind host)
    {
        ArgumentNullException.ThrowIfNull(configured);
        return new ForwardingPolicy(host == GatewayHostKind.AzureFunctions ? configured.With(TrustedProxies.Loopback) : configured);
    }

    /// <summary>
    /// The client as the gateway can vouch for it: the connection's peer, unless that peer is a trusted proxy. Then
    /// the <c>X-Forwarded-For</c> entries are read from the right, each one appended by the hop before, until one
    /// that is not a trusted proxy: that is the client, and nothing left of it is believed. Host and scheme come
    /// from the nearest trusted proxy's <c>X-Forwarded-Host</c> and <c>X-Forwarded-Proto</c> in that case.
    /// </summary>
    public ClientOrigin ClientOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var address = Normalize(context.Connection.RemoteIpAddress);
        var host = request.Host.HasValue ? request.Host.Value : null;
        var proto = request.Scheme;
        if (address is null || !trusted.Contains(address))
        {
            return new ClientOrigin(address, host, proto);
        }

        var reported = false;
        var forwardedFor = request.Headers[ForwardedPrefix + "For"];
        for (var line = forwardedFor.Count - 1; line >= 0; line--)
        {
            var entries = (forwardedFor[line] ?? "").Split(',', StringSplitOptions.TrimEntries);
            for (var i = entries.Length - 1; i >= 0; i--)
            {
                if (!IPEndPoint.TryParse(entries[i], out var hop))
                {
                    return Reported(request, address, host, proto, reported);
                }

                address = Normalize(hop.Address)!;
                reported = true;
                if (!trusted.Contains(address))
                {
                    return Reported(request, address, host, proto, reported);
                }
            }
        }

        return Reported(request, address, host, proto, reported);
    }

    /// <summary>Removes what the client may not choose, then sets the gateway's forwarding headers.</summary>
    public void Apply(HttpContext context, HttpRequestMessage proxyRequest, Upstream upstream, RequestMapping? mapping)
    {
        ArgumentNullException.ThrowIfNull(proxyRequest);
        foreach (var (name, _) in context.Request.Headers)
        {
            if (HeaderNameComparer.StartsWith(name, ForwardedPrefix) || IdentityHeaders.Contains(name)
                || (!upstream.ForwardOverrideHeaders && OverrideHeaders.Contains(name))
                || (mapping is not null && mapping.HeaderNames.Contains(name)))
            {
                Remove(proxyRequest, name);
            }
        }

        var client = ClientOf(context);
        if (client.Address is { } address)
        {
            proxyRequest.Headers.TryAddWithoutValidation(ForwardedPrefix + "For", address.ToString());
        }

        proxyRequest.Headers.TryAddWithoutValidation(ForwardedPrefix + "Proto", client.Proto);

        // The upstream sees its own host name (services behind Azure front ends route on it);
        // the client's goes in X-Forwarded-Host.
        proxyRequest.Headers.Host = null;
        if (client.Host is { } host)
        {
            proxyRequest.Headers.TryAddWithoutValidation(ForwardedPrefix + "Host", host);
        }

        if (upstream.SendForwarded)
        {
            proxyRequest.Headers.TryAddWithoutValidation("Forwarded", ForwardedValue(client));
        }
    }

    /// <summary>RFC 7239: <c>for=192.0.2.7;host="api.example.com";proto=https</c>; an IPv6 node is quoted in brackets.</summary>
    internal static string ForwardedValue(ClientOrigin client)
    {
        var node = client.Address switch
        {
            null => "unknown",
            { AddressFamily: AddressFamily.InterNetworkV6 } v6 => $"\"[{v6}]\"",
            var v4 => v4.ToString(),
        };
        var host = client.Host is { } h ? $";host=\"{h}\"" : "";
        return $"for={node}{host};proto={client.Proto}";
    }

    private static ClientOrigin Reported(HttpRequest request, IPAddress address, string? host, string proto, bool reported)
    {
        if (!reported)
        {
            return new ClientOrigin(address, host, proto);
        }

        if (Last(request.Headers[ForwardedPrefix + "Proto"]) is { } reportedProto
            && (reportedProto.Equals("https", StringComparison.OrdinalIgnoreCase) || reportedProto.Equals("http", StringComparison.OrdinalIgnoreCase)))
        {
            proto = reportedProto.ToLowerInvariant();
        }

        if (Last(request.Headers[ForwardedPrefix + "Host"]) is { } reportedHost && IsHost(reportedHost))
        {
            host = reportedHost;
        }

        return new ClientOrigin(address, host, proto);
    }

    private static string? Last(StringValues values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var last = values[values.Count - 1] ?? "";
        var comma = last.LastIndexOf(',');
        var value = (comma < 0 ? last : last[(comma + 1)..]).Trim();
        return value.Length == 0 ? null : value;
    }

    // A host name or address with an optional port: what a Host header may hold, nothing that could break a header.
    private static bool IsHost(string value) => !value.AsSpan().ContainsAnyExcept(HostChars);

    private static readonly SearchValues<char> HostChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:[]");

    private static IPAddress? Normalize(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;

    // A client header lives in the request's headers or, for Content-* names, the content's; removing a name from
    // the collection that cannot hold it would throw.
    private static void Remove(HttpRequestMessage proxyRequest, string name)
    {
        if (proxyRequest.Headers.NonValidated.Contains(name))
        {
            proxyRequest.Headers.Remove(name);
        }

        if (proxyRequest.Content is { } content && content.Headers.NonValidated.Contains(name))
        {
            content.Headers.Remove(name);
        }
    }
}
