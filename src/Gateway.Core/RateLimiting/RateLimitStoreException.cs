namespace FunctionGateway.RateLimiting;

/// <summary>The shared counter store could not answer (down, slow, refusing); the message says why, never with a credential.</summary>
public sealed class RateLimitStoreException : Exception
{
    public RateLimitStoreException()
    {
    }

    public RateLimitStoreException(string message)
        : base(message)
    {
    }

    public RateLimitStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
