using Microsoft.Extensions.Logging;

namespace FunctionGateway.Azure.Secrets;

/// <summary>Secret source log lines: names and causes only, never a value.</summary>
internal static partial class SecretsLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Warning,
        Message = "{Vault} could not be read for secret '{Name}' ({VaultName}); keeping the last good value: {Cause}")]
    public static partial void KeptLastGood(ILogger logger, string vault, string name, string vaultName, string cause);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error,
        Message = "{Vault} could not be read for secret '{Name}' ({VaultName}) and no value is cached: {Cause}")]
    public static partial void Unavailable(ILogger logger, string vault, string name, string vaultName, string cause);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information,
        Message = "Secret '{Name}' is not in {Vault} as '{VaultName}'; using the app setting '{Name}'")]
    public static partial void FellBack(ILogger logger, string vault, string name, string vaultName);
}
