using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using FunctionGateway.Errors;

namespace FunctionGateway.Authorization;

/// <summary>
/// The structural checks made before any cryptography: three base64url parts whose header and payload are
/// JSON objects. They give the precise JWS/JWT/JWE error codes and keep malformed input away from the validator.
/// </summary>
public static class JwtShape
{
    /// <summary>Tokens longer than this are refused before they are decoded.</summary>
    public const int MaxTokenLength = 16 * 1024;

    public static bool TryParse(string token, out JsonElement header, out JsonElement payload, out GatewayError? error, out string? reason)
    {
        header = default;
        payload = default;
        if (token.Length > MaxTokenLength)
        {
            return Fail(GatewayErrors.JwsInvalid, $"the token is {token.Length} characters long; the limit is {MaxTokenLength}", out error, out reason);
        }

        var dots = token.AsSpan().Count('.');
        if (dots == 4)
        {
            return Fail(GatewayErrors.JweInvalid, "the token has five parts: it is an encrypted JWT (JWE), which is not accepted", out error, out reason);
        }

        if (dots != 2)
        {
            return Fail(GatewayErrors.JwsInvalid, $"the token has {dots + 1} parts; a signed JWT has three separated by dots", out error, out reason);
        }

        var first = token.IndexOf('.');
        var second = token.IndexOf('.', first + 1);
        if (!TryDecodeObject(token.AsSpan(0, first), out header, out var headerProblem))
        {
            return Fail(GatewayErrors.JwsInvalid, $"the token's header {headerProblem}", out error, out reason);
        }

        if (!TryDecodeObject(token.AsSpan(first + 1, second - first - 1), out payload, out var payloadProblem))
        {
            return Fail(GatewayErrors.JwtInvalid, $"the token's payload {payloadProblem}", out error, out reason);
        }

        if (!IsBase64Url(token.AsSpan(second + 1)))
        {
            return Fail(GatewayErrors.JwsInvalid, "the token's signature is not base64url", out error, out reason);
        }

        error = null;
        reason = null;
        return true;
    }

    // Two parsers could read {"alg":"HS256","alg":"none"} differently; a name given twice is refused outright.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    private static bool TryDecodeObject(ReadOnlySpan<char> part, out JsonElement element, out string? problem)
    {
        element = default;
        problem = null;
        if (part.IsEmpty || !IsBase64Url(part))
        {
            problem = "is not base64url (only A-Z, a-z, 0-9, '-' and '_', without padding)";
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(part.Length));
        try
        {
            if (Base64Url.DecodeFromChars(part, buffer, out _, out var written) != OperationStatus.Done)
            {
                problem = "is not valid base64url";
                return false;
            }

            // An element that owns its memory: no pooled document to copy out of before it is returned to the pool.
            var root = JsonElement.Parse(buffer.AsSpan(0, written), Strict);
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = $"is JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object";
                return false;
            }

            element = root;
            return true;
        }
        catch (JsonException e)
        {
            problem = e.Message.Contains("uplicate", StringComparison.Ordinal)
                ? "repeats a member name, which is refused"
                : "is not valid JSON";
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsBase64Url(ReadOnlySpan<char> part) =>
        !part.ContainsAnyExcept(Base64UrlAlphabet);

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static bool Fail(GatewayError code, string why, out GatewayError? error, out string? reason)
    {
        error = code;
        reason = why;
        return false;
    }
}
