using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Authorization;

/// <summary>
/// What <see cref="Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler"/> checks with the authorizer's
/// parameters (issuer, audience, then the signature with IdentityModel's cryptography), done on the header and
/// payload <see cref="JwtShape"/> has already parsed, so that a token is decoded once. It answers only where its
/// answer is certainly the handler's: it accepts what the handler accepts, and refuses a bad signature the way the
/// handler words it. Anything else (a claim the handler would not read, a wrong issuer or audience, a header
/// member it would not read) is <see cref="ParsedTokenVerdict.Undecided"/>: the handler gives the exact answer.
/// </summary>
internal static class ParsedTokenValidator
{
    // The header members JsonWebToken reads as strings: any other type makes it refuse the token.
    private static readonly string[] StringHeaderMembers = ["typ", "cty", "x5t", "zip"];

    /// <param name="token">The whole token, already through <see cref="JwtShape"/> and <see cref="JwtHeaderCheck"/>.</param>
    /// <param name="header">Its header: <c>alg</c> an accepted algorithm, <c>kid</c> absent or a string.</param>
    /// <param name="payload">Its payload, whose registered claims are well-formed (<see cref="RegisteredClaims"/>).</param>
    /// <param name="keys">The keys to verify with.</param>
    /// <param name="issuers">The accepted issuers; none means the issuer is not checked.</param>
    /// <param name="audiences">The accepted audiences; none means the audience is not checked.</param>
    public static ParsedTokenVerdict Validate(string token, JsonElement header, JsonElement payload, KeySet keys,
        IReadOnlyList<string> issuers, IReadOnlyList<string> audiences)
    {
        if (!IsReadable(header) || (issuers.Count > 0 && !IssuerMatches(payload, issuers))
            || (audiences.Count > 0 && !AudienceMatches(payload, audiences)))
        {
            return ParsedTokenVerdict.Undecided;
        }

        var signatureAt = token.LastIndexOf('.');
        if (signatureAt == token.Length - 1)
        {
            // Unsigned: the handler's own words for it.
            return ParsedTokenVerdict.Undecided;
        }

        var signature = new byte[Base64Url.GetMaxDecodedLength(token.Length - signatureAt - 1)];
        if (Base64Url.DecodeFromChars(token.AsSpan(signatureAt + 1), signature, out _, out var signatureLength) != OperationStatus.Done)
        {
            return ParsedTokenVerdict.Undecided;
        }

        if (signatureLength != signature.Length)
        {
            Array.Resize(ref signature, signatureLength);
        }

        var algorithm = header.GetProperty("alg").GetString()!;
        var keyId = header.TryGetProperty("kid", out var kid) ? kid.GetString() : null;
        var thumbprint = header.TryGetProperty("x5t", out var x5t) ? x5t.GetString() : null;
        var input = ArrayPool<byte>.Shared.Rent(signatureAt);
        try
        {
            var inputLength = Encoding.ASCII.GetBytes(token.AsSpan(0, signatureAt), input);

            // As the handler: the key the kid (or x5t) names, and only that one; else every key in turn. It calls a
            // named key's failure a mismatch only when the token has a kid, and fails to say so at all (a null
            // reference in its message) when a key has no id.
            if (Resolve(keys.Keys, keyId, thumbprint) is { } named)
            {
                return SignatureCheck.Verifies(named, algorithm, input, inputLength, signature) ? ParsedTokenVerdict.Accepted
                    : string.IsNullOrEmpty(keyId) ? ParsedTokenVerdict.NoKeyVerifies
                    : HasKeyWithoutId(keys.Keys) ? ParsedTokenVerdict.Undecided
                    : ParsedTokenVerdict.SignatureMismatch;
            }

            foreach (var key in keys.Keys)
            {
                if (SignatureCheck.Verifies(key, algorithm, input, inputLength, signature))
                {
                    return ParsedTokenVerdict.Accepted;
                }
            }

            return ParsedTokenVerdict.NoKeyVerifies;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    private static bool HasKeyWithoutId(IReadOnlyList<SecurityKey> keys)
    {
        foreach (var key in keys)
        {
            if (key.KeyId is null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsReadable(JsonElement header)
    {
        foreach (var name in StringHeaderMembers)
        {
            if (header.TryGetProperty(name, out var member) && member.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return false;
            }
        }

        return true;
    }

    // IdentityModel's key resolution: a key whose id is the token's kid or x5t, ordinally; an X.509 key's id or
    // thumbprint, ignoring case. The first one found is the only one tried.
    private static SecurityKey? Resolve(IReadOnlyList<SecurityKey> keys, string? keyId, string? thumbprint)
    {
        if (string.IsNullOrEmpty(keyId) && string.IsNullOrEmpty(thumbprint))
        {
            return null;
        }

        foreach (var key in keys)
        {
            if (key is X509SecurityKey certificate)
            {
                if ((!string.IsNullOrEmpty(keyId) && string.Equals(certificate.KeyId, keyId, StringComparison.OrdinalIgnoreCase))
                    || (!string.IsNullOrEmpty(thumbprint) && string.Equals(certificate.X5t, thumbprint, StringComparison.OrdinalIgnoreCase)))
                {
                    return key;
                }
            }
            else if (!string.IsNullOrEmpty(key.KeyId) && (string.Equals(key.KeyId, keyId, StringComparison.Ordinal)
                || string.Equals(key.KeyId, thumbprint, StringComparison.Ordinal)))
            {
                return key;
            }
        }

        return null;
    }

    // The handler's issuer check: the token's 'iss', not blank, equal to one of the issuers.
    private static bool IssuerMatches(JsonElement payload, IReadOnlyList<string> issuers)
    {
        if (!payload.TryGetProperty("iss", out var iss) || iss.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        foreach (var issuer in issuers)
        {
            if (iss.ValueEquals(issuer))
            {
                return !string.IsNullOrWhiteSpace(issuer);
            }
        }

        return false;
    }

    // The handler's audience check: one of the token's audiences, not blank, equal to one of the authorizer's, or
    // equal but for one trailing slash.
    private static bool AudienceMatches(JsonElement payload, IReadOnlyList<string> audiences)
    {
        if (!payload.TryGetProperty("aud", out var aud))
        {
            return false;
        }

        if (aud.ValueKind == JsonValueKind.String)
        {
            return AudienceMatches(aud.GetString()!, audiences);
        }

        if (aud.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in aud.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && AudienceMatches(item.GetString()!, audiences))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AudienceMatches(string tokenAudience, IReadOnlyList<string> audiences)
    {
        if (string.IsNullOrWhiteSpace(tokenAudience))
        {
            return false;
        }

        foreach (var audience in audiences)
        {
            if (!string.IsNullOrWhiteSpace(audience) && (string.Equals(audience, tokenAudience, StringComparison.Ordinal)
                || EqualButForTrailingSlash(audience, tokenAudience) || EqualButForTrailingSlash(tokenAudience, audience)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EqualButForTrailingSlash(string withSlash, string without) =>
        withSlash.Length == without.Length + 1 && withSlash.EndsWith('/')
        && withSlash.AsSpan(0, without.Length).SequenceEqual(without);
}
