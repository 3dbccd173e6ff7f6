namespace FunctionGateway.Configuration;

public sealed record CorsConfig
{
    /// <summary>Exact origins, <c>*</c>, or patterns such as <c>https://*.example.org</c>.</summary>
    public IReadOnlyList<string> AllowOrigins { get; init; } = [];

    public IReadOnlyList<string> AllowMethods { get; init; } = [];

    public IReadOnlyList<string> AllowHeaders { get; init; } = [];

    public IReadOnlyList<string> ExposeHeaders { get; init; } = [];

    public bool AllowCredentials { get; init; }

    public int MaxAge { get; init; }
}
