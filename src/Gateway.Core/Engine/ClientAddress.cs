using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Engine;

/// <summary>
/// The client's address as the gateway trusts it: the one place every feature that keys on the client
/// (rate limits, logs) reads it from, so that a change to what the gateway trusts changes it everywhere.
/// </summary>
internal static class ClientAddress
{
    public static string? Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return null;
        }

        // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; one client must have one key.
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
    }
}
