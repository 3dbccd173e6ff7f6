namespace FunctionGateway.Sources;

/// <summary>A config source could not be read; the message names the source and the cause.</summary>
public sealed class ConfigSourceException(string message, Exception? innerException = null)
    : Exception(message, innerException);
