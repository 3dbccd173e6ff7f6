using System.Buffers;

namespace FunctionGateway.RateLimiting;

/// <summary>A policy's <c>key</c>, parsed once: what a request is counted under.</summary>
public sealed class RateLimitKey
{
    public const string Forms = "$request.jwt.CLAIM, $request.header.NAME, $client.address, or a constant (no '$') for one limit over every request";

    private const string ClaimPrefix = "$request.jwt.";
    private const string HeaderPrefix = "$request.header.";
    private const string ClientAddressExpression = "$client.address";

    // A claim name as mappings read it; a header name is an RFC 9110 token.
    private static readonly SearchValues<char> ClaimChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.:");
    private static readonly SearchValues<char> TokenChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~");

    private RateLimitKey(RateLimitKeySource source, string name, string expression)
    {
        Source = source;
        Name = name;
        Expression = expression;
    }

    public RateLimitKeySource Source { get; }

    /// <summary>The claim or header name; the constant itself for a constant key.</summary>
    public string Name { get; }

    /// <summary>The key as the config writes it.</summary>
    public string Expression { get; }

    /// <summary>True when the key is read from the token, so it can only be counted after authorization.</summary>
    public bool ReadsToken => Source == RateLimitKeySource.Claim;

    public static bool TryParse(string expression, out RateLimitKey? key, out string? error)
    {
        key = null;
        error = null;
        if (expression.Length == 0)
        {
            error = $"is empty; use {Forms}";
        }
        else if (expression == ClientAddressExpression)
        {
            key = new RateLimitKey(RateLimitKeySource.ClientAddress, "", expression);
        }
        else if (expression.StartsWith(ClaimPrefix, StringComparison.Ordinal))
        {
            key = Named(RateLimitKeySource.Claim, expression, ClaimPrefix.Length, ClaimChars, "a claim name", ref error);
        }
        else if (expression.StartsWith(HeaderPrefix, StringComparison.Ordinal))
        {
            key = Named(RateLimitKeySource.Header, expression, HeaderPrefix.Length, TokenChars, "a header name", ref error);
        }
        else if (expression.StartsWith('$'))
        {
            error = $"'{expression}' is not a key the gateway can read; use {Forms}";
        }
        else
        {
            key = new RateLimitKey(RateLimitKeySource.Constant, expression, expression);
        }

        return key is not null;
    }

    public override string ToString() => Expression;

    private static RateLimitKey? Named(RateLimitKeySource source, string expression, int prefix, SearchValues<char> allowed, string what, ref string? error)
    {
        var name = expression[prefix..];
        if (name.Length == 0 || name.AsSpan().ContainsAnyExcept(allowed))
        {
            error = $"'{expression}' does not end with {what}; use {Forms}";
            return null;
        }

        return new RateLimitKey(source, name, expression);
    }
}
