namespace FunctionGateway.RateLimiting;

/// <summary>Where a policy's key comes from.</summary>
public enum RateLimitKeySource
{
    /// <summary>One key for every request: a global limit.</summary>
    Constant,

    /// <summary><c>$request.jwt.CLAIM</c>: a claim of the validated token.</summary>
    Claim,

    /// <summary><c>$request.header.NAME</c>.</summary>
    Header,

    /// <summary><c>$client.address</c>: the client's address as the gateway trusts it.</summary>
    ClientAddress,
}
