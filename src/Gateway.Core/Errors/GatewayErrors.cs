namespace FunctionGateway.Errors;

/// <summary>
/// The single error table. Every status and code the gateway sends comes from here; the docs
/// (docs/errors.md) and the tests are checked against it row by row.
/// </summary>
public static class GatewayErrors
{
    // JWT errors: message/code pairs of the Serverless API Gateway contract, unchanged. Two codes of that contract
    // are never sent, so they have no row: ERR_JWE_DECRYPTION_FAILED (an encrypted token is refused as
    // ERR_JWE_INVALID before anything would decrypt it) and ERR_JWKS_MULTIPLE_MATCHING_KEYS (a token without
    // 'kid' is checked against each key of the set, as jose's verify does after raising that error internally).
    public static readonly GatewayError TokenMissing = new("AUTH_ERROR", 401,
        "No token provided or token format is invalid.",
        "The route requires a token and none was found where the authorizer looks for it (by default the Authorization header with the Bearer scheme).",
        "Send 'Authorization: Bearer <token>' or check the authorizer's token_sources.");

    public static readonly GatewayError AuthFailed = new("AUTH_ERROR", 401,
        "JWT verification failed",
        "The token failed a check not covered by a more specific code.",
        "Run 'gateway explain' with the token to see which check failed.");

    public static readonly GatewayError AlgorithmNotAllowed = new("ERR_JOSE_ALG_NOT_ALLOWED", 401,
        "Algorithm not allowed",
        "The token's 'alg' header is not one the authorizer accepts ('none' never is).",
        "Compare the token header's 'alg' with the authorizer's algorithm(s).");

    public static readonly GatewayError JweInvalid = new("ERR_JWE_INVALID", 401,
        "Invalid JWE",
        "The token is an encrypted JWT (five parts), which the gateway does not accept.",
        "Ask the issuer for a signed, unencrypted access token.");

    public static readonly GatewayError TokenExpired = new("ERR_JWT_EXPIRED", 401,
        "Token has expired.",
        "The token's 'exp' is in the past (beyond the allowed clock skew).",
        "Refresh the token or mint a new one.");

    public static readonly GatewayError ClaimValidationFailed = new("ERR_JWT_CLAIM_VALIDATION_FAILED", 401,
        "JWT claim validation failed",
        "'iss', 'aud', 'sub', 'nbf', 'iat' or a required 'exp' does not match the authorizer's config, or a registered claim is not of its RFC 7519 type ('iss', 'sub', 'jti' not strings, 'exp', 'nbf', 'iat' not numbers of seconds); checked only once the signature holds.",
        "Decode the token and compare 'iss' and 'aud' with the authorizer's issuer and audience exactly.");

    public static readonly GatewayError JwtInvalid = new("ERR_JWT_INVALID", 401,
        "Invalid JWT",
        "The token's payload is not a JSON object of valid claims.",
        "Check how the token is minted; its payload must be a JSON object.");

    public static readonly GatewayError JwksNoMatchingKey = new("ERR_JWKS_NO_MATCHING_KEY", 401,
        "No matching key found in JWKS.",
        "No key of the authorizer's key set matches the token's 'kid' and algorithm, even after a refresh.",
        "Confirm the JWKS URL and the identity provider's key rotation state.");

    public static readonly GatewayError JwksInvalid = new("ERR_JWKS_INVALID", 401,
        "Invalid JWKS",
        "The key set the authorizer uses is not a valid JWKS.",
        "Fetch the JWKS URL yourself and check it is a JSON object with a 'keys' array.");

    public static readonly GatewayError JwsInvalid = new("ERR_JWS_INVALID", 401,
        "Invalid JWS",
        "The token is not a compact JWS: three base64url parts separated by dots, with a JSON header.",
        "Check that the whole token was sent, without quotes or extra characters.");

    public static readonly GatewayError SignatureVerificationFailed = new("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", 401,
        "Signature verification failed",
        "The token was signed with another secret or key than the authorizer's.",
        "Compare the gateway's secret or key source with the one the issuer signs with.");

    public static readonly GatewayError InsufficientScope = new("ERR_INSUFFICIENT_SCOPE", 403,
        "Token does not grant access to this route",
        "The token is valid but fails the route's claim rules (authorization.require_all / require_any).",
        "Decode the token and compare its claims (often 'scope', 'scp' or 'roles') with the route's authorization rules.");

    // Gateway errors.
    public static readonly GatewayError NoMatch = new("ERR_NO_ROUTE", 404,
        "No match found.",
        "No route of the config matches the request's method and path.",
        "Run 'gateway routes' and compare the request's method and path (paths are case-sensitive).",
        legacyMessageBody: true);

    public static readonly GatewayError BadPath = new("ERR_BAD_PATH", 400,
        "Request path is not valid",
        "The path holds a form a server behind the gateway could resolve differently, which the gateway never resolves or forwards: a '.' or '..' segment, plain or encoded ('%2e', double-encoded '%252e', with ';' parameters as in '..;', or made by an encoded '/' as in '..%2f'), a backslash ('\\' or '%5c'), a control character, or bytes that are not UTF-8 (overlong forms included).",
        "Send the canonical path: resolve '.' and '..' in the client, and send '/' rather than '\\'.");

    public static readonly GatewayError BadContentLength = new("ERR_BAD_CONTENT_LENGTH", 400,
        "Request framing is not valid",
        "The Content-Length header is not a plain decimal number (RFC 9110 allows digits only; '+3' or '-0' is refused), so servers could disagree on where the request ends.",
        "Send Content-Length as digits only, or send the body chunked without it.");

    public static readonly GatewayError BadMappedValue = new("ERR_BAD_MAPPED_VALUE", 400,
        "Request value cannot be forwarded",
        "A route's mapping read a value (header, query parameter or token claim) holding control characters (CR, LF, NUL...) or non-ASCII text, which an upstream header cannot carry; the request was not forwarded.",
        "The log names the mapped header: check what the client or the token puts in the value its mapping reads.");

    public static readonly GatewayError UpstreamUnreachable = new("ERR_UPSTREAM_UNREACHABLE", 502,
        "Upstream server could not be reached",
        "The connection to the route's server was refused, reset or failed before a response.",
        "Check that the server's url is right and the service is up.");

    public static readonly GatewayError UpstreamTimeout = new("ERR_UPSTREAM_TIMEOUT", 504,
        "Upstream server did not answer in time",
        "The route's server took longer than its timeout_seconds to respond.",
        "Check the service's latency, or raise the server's timeout_seconds.");

    public static readonly GatewayError UpstreamResponseFailed = new("ERR_UPSTREAM_RESPONSE_FAILED", 502,
        "Upstream server response failed",
        "The server closed the connection or sent a malformed response before its status line and headers reached the gateway.",
        "Check the service's logs for crashes or aborted responses; the gateway's log (event 20, ResponseHeaders) gives the socket error.");

    public static readonly GatewayError ConfigUnavailable = new("ERR_CONFIG_UNAVAILABLE", 503,
        "Gateway configuration is not available",
        "The gateway has no valid config loaded yet (config source missing, unreachable or invalid).",
        "Check the gateway's log and status endpoint for the config source's error.");

    public static readonly GatewayError StatusKeyRequired = new("ERR_STATUS_KEY", 401,
        "Status key missing or wrong",
        "The status endpoint has a key (Gateway:Status:Key) and the request's X-Gateway-Status-Key header is missing or holds another value.",
        "Send the value of the Gateway:Status:Key app setting in the X-Gateway-Status-Key header.");

    public static readonly GatewayError RateLimited = new("ERR_RATE_LIMITED", 429,
        "Rate limit exceeded",
        "The route's rate_limit policy named in the detail has counted all the requests it allows for this client (claim, header or address) in its window.",
        "Wait the Retry-After seconds; the RateLimit and RateLimit-Policy headers say which policy and how much is left. Raise the policy's limit if the client's rate is expected.");

    public static readonly GatewayError RateLimitKeyMissing = new("ERR_RATE_LIMIT_KEY_MISSING", 400,
        "Request has no value for the rate limit key",
        "A policy with on_missing_key 'reject' keys requests by a claim or header that this request does not carry.",
        "Send the header, or have the token carry the claim, that the policy named in the detail reads; or set on_missing_key to 'shared'.");

    public static readonly GatewayError RateLimitUnavailable = new("ERR_RATE_LIMIT_UNAVAILABLE", 503,
        "Rate limit store is unavailable",
        "The shared counter store (Redis, Gateway:RateLimit:Redis) did not answer in time, and the route's policy has on_store_error 'closed'.",
        "Check the gateway's log for the Redis error and the Redis instance's health; the gateway reconnects by itself.");

    public static IReadOnlyList<GatewayError> All { get; } =
    [
        TokenMissing, AuthFailed, AlgorithmNotAllowed, JweInvalid, TokenExpired,
        ClaimValidationFailed, JwtInvalid, JwksNoMatchingKey, JwksInvalid, JwsInvalid,
        SignatureVerificationFailed, InsufficientScope, NoMatch, BadPath, BadContentLength, BadMappedValue, UpstreamUnreachable, UpstreamTimeout, UpstreamResponseFailed,
        ConfigUnavailable, StatusKeyRequired, RateLimited, RateLimitKeyMissing, RateLimitUnavailable,
    ];
}
