namespace FunctionGateway.Routing;

/// <summary>The route a request matched, and where in its path a wildcard's remainder starts.</summary>
public sealed class RouteMatch<TRoute>(TRoute route, string path, int remainderStart) where TRoute : class, IRoutable
{
    public TRoute Route { get; } = route;

    /// <summary>
    /// The request path the route was matched against; for a route without parameters or wildcard, its template's
    /// text, which is equal to it.
    /// </summary>
    public string Path { get; } = path;

    /// <summary>For a wildcard route, the part of the path after the template's fixed segments ("" or "/..."); otherwise the whole path.</summary>
    public ReadOnlySpan<char> Remainder => Route.Template.HasWildcard ? Path.AsSpan(remainderStart) : Path;

    /// <summary>The value of a <c>{name}</c> parameter in the matched path, or null when the template has none of that name.</summary>
    public string? GetParameter(string name)
    {
        var segments = Route.Template.Segments;
        var rest = Path.AsSpan(1);
        for (var i = 0; i < segments.Count; i++)
        {
            var end = rest.IndexOf('/');
            var segment = end < 0 ? rest : rest[..end];
            if (segments[i].IsParameter && segments[i].Value == name)
            {
                return segment.ToString();
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return null;
    }
}
