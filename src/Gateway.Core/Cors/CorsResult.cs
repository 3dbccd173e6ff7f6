namespace FunctionGateway.Cors;

/// <summary>What CORS decided for one request; written to the response by <see cref="CorsPolicy.Apply"/>.</summary>
internal readonly record struct CorsResult(string? AllowOrigin, bool IsPreflight);
