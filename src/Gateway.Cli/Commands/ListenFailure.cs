using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Cli.Commands;

/// <summary>Why Kestrel cannot listen on the <c>--urls</c> given, in one line naming the URL.</summary>
internal static class ListenFailure
{
    /// <summary>
    /// The first URL that Kestrel would refuse, or worse take for another (it reads <c>http://127.0.0.1:abc</c> as a
    /// host named <c>127.0.0.1:abc</c> on port 80, so listens on every address), checked before anything starts.
    /// </summary>
    public static string? InvalidUrl(IReadOnlyList<string> urls)
    {
        foreach (var url in urls)
        {
            if (Problem(url) is { } problem)
            {
                return $"cannot listen on '{url}': {problem}";
            }
        }

        return null;
    }

    private static string? Problem(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return $"not a URL to listen on; use a scheme, host and port such as {Serve.StandaloneGateway.DefaultUrl}";
        }

        if (address.Scheme is not ("http" or "https"))
        {
            return "only http:// and https:// URLs can be listened on";
        }

        if (address.IsUnixPipe || address.IsNamedPipe)
        {
            return null;
        }

        if (address.Host.Length == 0 || address.Host.Any(char.IsWhiteSpace) || (address.Host.Contains(':') && !address.Host.StartsWith('[')))
        {
            return "the host or port is not valid; the port is a number from 0 to 65535, as in http://127.0.0.1:8080";
        }

        if (address.Port is < 0 or > 65535)
        {
            return $"port {address.Port} is not a number from 0 to 65535";
        }

        return address.PathBase.Length > 0 ? $"a URL to listen on has no path; remove '{address.PathBase}'" : null;
    }

    /// <summary>Kestrel's failure to bind, in words; null for any other failure, which is not the user's to fix.</summary>
    public static string? Describe(Exception exception, IReadOnlyList<string> urls) => exception switch
    {
        IOException { InnerException: AddressInUseException } or AddressInUseException =>
            $"cannot listen on {Named(exception, urls)}: the address is already in use; stop the process holding the port, or pass another --urls",
        IOException => $"cannot listen on {Named(exception, urls)}: {exception.Message}",
        // Kestrel's own words name the fix (a certificate, or 'dotnet dev-certs https'); its first sentence is enough here.
        InvalidOperationException when exception.Message.StartsWith("Unable to configure HTTPS endpoint", StringComparison.Ordinal) =>
            $"cannot listen on {string.Join(", ", urls.Where(u => u.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).Select(u => $"'{u}'"))}: " +
            "no server certificate is configured and no developer certificate was found; configure Kestrel's certificate or run 'dotnet dev-certs https'",
        _ => null,
    };

    // Kestrel's message names the address it failed on; with several --urls, that one.
    private static string Named(Exception exception, IReadOnlyList<string> urls)
    {
        var named = urls.Where(u => exception.Message.Contains(u, StringComparison.OrdinalIgnoreCase)).ToList();
        return string.Join(", ", (named.Count > 0 ? named : urls).Select(u => $"'{u}'"));
    }
}
