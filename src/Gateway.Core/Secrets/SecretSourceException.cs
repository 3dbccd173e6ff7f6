namespace FunctionGateway.Secrets;

/// <summary>A secret source could not answer (unreachable, forbidden): not the same as a secret that does not exist.</summary>
public sealed class SecretSourceException(string message, Exception? innerException = null)
    : Exception(message, innerException);
