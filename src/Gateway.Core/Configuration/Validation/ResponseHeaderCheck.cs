using FunctionGateway.Integrations;

namespace FunctionGateway.Configuration.Validation;

/// <summary>Whether a configured response header can be sent as written: a valid name and value, and one the gateway does not own.</summary>
public static class ResponseHeaderCheck
{
    // Connection-level headers (RFC 9110 section 7.6.1) belong to each hop, and the length is the gateway's to compute.
    private static readonly HashSet<string> Forbidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Content-Length",
    };

    public static string? Problem(string name, string value, bool hasCors)
    {
        if (!FieldName.IsValid(name))
        {
            return $"'{name}' is not a valid header name: use letters, digits and {FieldName.Symbols}";
        }

        if (Forbidden.Contains(name))
        {
            return name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                ? "is computed by the gateway from the body; remove it"
                : $"'{name}' is a hop-by-hop header, which applies to one connection only; remove it";
        }

        if (hasCors && name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))
        {
            return "is set by the config's 'cors' policy, which is the only one; remove it or change 'cors'";
        }

        // Kestrel sends ASCII header values only, and a line break would end the header early.
        if (!FieldValue.IsValid(value))
        {
            return "the value must be printable ASCII without line breaks; percent-encode other characters";
        }

        return null;
    }
}
