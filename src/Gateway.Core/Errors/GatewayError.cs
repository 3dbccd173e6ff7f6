using System.Text.Json;

namespace FunctionGateway.Errors;

/// <summary>One row of the error table: what the gateway answers when a request fails.</summary>
public sealed class GatewayError
{
    internal GatewayError(string code, int status, string message, string cause, string firstCheck, bool legacyMessageBody = false)
    {
        Code = code;
        Status = status;
        Message = message;
        Cause = cause;
        FirstCheck = firstCheck;
        LegacyMessageBody = legacyMessageBody;
        Body = legacyMessageBody
            ? JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["message"] = message })
            : JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["error"] = message, ["code"] = code });
    }

    public string Code { get; }

    public int Status { get; }

    /// <summary>The client-facing message; for JWT errors it is the exact text of the Serverless API Gateway contract.</summary>
    public string Message { get; }

    /// <summary>Why this happens, for the docs and for operators.</summary>
    public string Cause { get; }

    /// <summary>The first thing an operator should check.</summary>
    public string FirstCheck { get; }

    /// <summary>Serverless API Gateway answers a few errors as <c>{"message": ...}</c>; we keep that shape for them.</summary>
    public bool LegacyMessageBody { get; }

    /// <summary>The JSON body, serialized once so that writing an error allocates nothing.</summary>
    public ReadOnlyMemory<byte> Body { get; }
}
