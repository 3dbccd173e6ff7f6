namespace FunctionGateway.Inspection;

/// <summary>
/// A protected route whose path is also served, for some requests, by an unprotected route to the same server:
/// those requests reach the upstream without a token.
/// </summary>
/// <param name="Requests">Requests that show it, such as <c>POST /orders/{id}</c>, each taken by <paramref name="Open"/>.</param>
public sealed record Exposure(ConfiguredRoute Protected, ConfiguredRoute Open, IReadOnlyList<string> Requests)
{
    /// <summary>Identifies the exposure across two versions of a config: both routes by method and path.</summary>
    public string Key => $"{Protected.Config.Method} {Protected.Template.Shape} <- {Open.Config.Method} {Open.Template.Shape}";
}
