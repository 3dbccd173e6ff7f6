using FunctionGateway.Authorization;
using FunctionGateway.Errors;

namespace FunctionGateway.Engine;

/// <summary>RFC 6750 challenges for the <c>WWW-Authenticate</c> header.</summary>
internal static class Challenge
{
    public static string Bearer(AuthorizationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        // RFC 6750 3.1: no error code when the request carried no token at all.
        if (!outcome.TokenPresented)
        {
            return "Bearer";
        }

        var error = ReferenceEquals(outcome.Error, GatewayErrors.InsufficientScope) ? "insufficient_scope" : "invalid_token";
        return $"Bearer error=\"{error}\", error_description=\"{Quote(outcome.Reason ?? outcome.Error!.Message)}\"";
    }

    // error_description allows printable ASCII except '"' and '\' (RFC 6750 3).
    private static string Quote(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is < ' ' or > '~' or '"' or '\\' ? '\'' : c;
            }
        });
}
