using System.Buffers;

namespace FunctionGateway.Integrations;

/// <summary>What an HTTP field name may be (RFC 9110 5.1): a token, one or more of letters, digits and <see cref="Symbols"/>.</summary>
internal static class FieldName
{
    /// <summary>The token characters besides letters and digits, as error messages name them.</summary>
    public const string Symbols = "!#$%&'*+-.^_`|~";

    private static readonly SearchValues<char> TokenChars = SearchValues.Create(
        Symbols + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static bool IsValid(ReadOnlySpan<char> name) => !name.IsEmpty && !name.ContainsAnyExcept(TokenChars);
}
