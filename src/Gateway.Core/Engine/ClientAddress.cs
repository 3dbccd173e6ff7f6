using FunctionGateway.Integrations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Engine;

/// <summary>
/// The client's address as the gateway trusts it: the one place every feature that keys on the client
/// (rate limits, logs) reads it from. It is the address the <see cref="ForwardingPolicy"/> sends upstream as
/// <c>X-Forwarded-For</c>, so a change to what the gateway trusts changes it everywhere.
/// </summary>
internal static class ClientAddress
{
    public static string? Of(HttpContext context)
    {
        var policy = context.RequestServices?.GetService<ForwardingPolicy>();
        var address = policy is null ? context.Connection.RemoteIpAddress : policy.ClientOf(context).Address;
        if (address is null)
        {
            return null;
        }

        // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; one client must have one key.
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
    }
}
