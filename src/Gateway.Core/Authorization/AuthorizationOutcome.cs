using System.Text.Json;
using FunctionGateway.Errors;

namespace FunctionGateway.Authorization;

/// <summary>The result of checking a request's token: its claims, or the error and a reason for the operator.</summary>
public sealed class AuthorizationOutcome
{
    private AuthorizationOutcome(JsonElement? claims, GatewayError? error, string? reason, bool tokenPresented)
    {
        Claims = claims;
        Error = error;
        Reason = reason;
        TokenPresented = tokenPresented;
    }

    public bool Succeeded => Error is null;

    /// <summary>The validated token's payload.</summary>
    public JsonElement? Claims { get; }

    public GatewayError? Error { get; }

    /// <summary>Which check failed and how, without the token or any secret: for logs and <c>error_description</c>.</summary>
    public string? Reason { get; }

    public bool TokenPresented { get; }

    public static AuthorizationOutcome Success(JsonElement claims) => new(claims, null, null, true);

    public static AuthorizationOutcome Failure(GatewayError error, string reason, bool tokenPresented = true) =>
        new(null, error, reason, tokenPresented);
}
