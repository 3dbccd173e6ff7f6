using FunctionGateway.Authorization;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>Puts <c>--token</c> where an authorizer reads first, the way a client following its config would send it.</summary>
internal static class TokenPlacement
{
    public static ExplainRequest Place(ExplainRequest request, TokenSource source, string token, out string placement)
    {
        placement = source.Description;
        if (source.Header is { } header)
        {
            if (request.Headers.Any(h => string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase)))
            {
                throw new DiagnosticInputException($"the token goes in the '{header}' header, which the request already sets with --header; give one or the other");
            }

            var prefix = source.Prefix.TrimEnd();
            return request with { Headers = [.. request.Headers, KeyValuePair.Create(header, prefix.Length == 0 ? token : $"{prefix} {token}")] };
        }

        if (source.Query is { } query)
        {
            if (request.Query.Any(q => q.Key == query))
            {
                throw new DiagnosticInputException($"the token goes in the query parameter '{query}', which the request already sets with --query; give one or the other");
            }

            return request with { Query = [.. request.Query, KeyValuePair.Create(query, token)] };
        }

        if (request.Cookies.Any(c => c.Key == source.Cookie))
        {
            throw new DiagnosticInputException($"the token goes in the cookie '{source.Cookie}', which the request already sets with --cookie; give one or the other");
        }

        return request with { Cookies = [.. request.Cookies, KeyValuePair.Create(source.Cookie!, token)] };
    }
}
