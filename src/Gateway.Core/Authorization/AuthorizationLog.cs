using Microsoft.Extensions.Logging;

namespace FunctionGateway.Authorization;

/// <summary>The authorizers' log lines: key fetches. Never a token, a key or a secret.</summary>
internal static partial class AuthorizationLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning,
        Message = "Authorizer {Authorizer}: could not fetch keys from {Address}: {Reason}; keeping the last keys fetched, if any")]
    public static partial void KeyFetchFailed(ILogger logger, string authorizer, string address, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information,
        Message = "Authorizer {Authorizer}: fetched {KeyCount} signing key(s) from {Address}")]
    public static partial void KeysFetched(ILogger logger, string authorizer, string address, int keyCount);
}
