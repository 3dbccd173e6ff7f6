using FunctionGateway.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace FunctionGateway.Integrations;

/// <summary>A server of the config, ready to forward to.</summary>
internal sealed class Upstream(ServerConfig config)
{
    public string Alias { get; } = config.Alias;

    /// <summary>The server's URL; its path is the prefix of every forwarded path.</summary>
    public string Prefix { get; } = config.Url;

    /// <summary>Whether the upstream gets an RFC 7239 <c>Forwarded</c> header written by the gateway.</summary>
    public bool SendForwarded { get; } = config.SendForwarded;

    /// <summary>Whether a client's method and URL override headers reach the upstream.</summary>
    public bool ForwardOverrideHeaders { get; } = config.ForwardOverrideHeaders;

    public ForwarderRequestConfig RequestConfig { get; } = new()
    {
        // YARP's activity timeout ends a request whose upstream stays silent this long: our 504.
        ActivityTimeout = TimeSpan.FromSeconds(config.TimeoutSeconds ?? ServerConfig.DefaultTimeoutSeconds),
    };
}
