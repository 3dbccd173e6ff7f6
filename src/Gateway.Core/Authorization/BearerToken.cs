using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Authorization;

internal static class BearerToken
{
    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null when there is none.</summary>
    public static string? FromHeader(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1)
        {
            return null;
        }

        var value = header[0].AsSpan().Trim();
        const string scheme = "Bearer ";
        if (!value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = value[scheme.Length..].Trim();
        return token.IsEmpty ? null : token.ToString();
    }
}
