using System.Text;
using FunctionGateway.Routing;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Integrations;

/// <summary>
/// An http_proxy's <c>path</c>: the backend path built from literal text, the route's <c>{name}</c> parameters
/// (each encoded as one segment) and, for a wildcard route, <c>{.+}</c>, the rest of the request path.
/// </summary>
internal sealed class BackendPathTemplate
{
    private readonly BackendPathPart[] _parts;

    private BackendPathTemplate(BackendPathPart[] parts) => _parts = parts;

    /// <summary>Parses a template against the route it belongs to; the error names what is wrong and where.</summary>
    public static bool TryParse(string text, RouteTemplate route, out BackendPathTemplate? template, out string? error)
    {
        template = null;
        var parts = new List<BackendPathPart>();
        error = BackendPathParser.Parse(text, route, parts);
        if (error is not null)
        {
            return false;
        }

        template = new BackendPathTemplate([.. parts]);
        return true;
    }

    /// <summary>The backend path for a matched request, ready to append to the server's URL.</summary>
    public string Render<TRoute>(RouteMatch<TRoute> match) where TRoute : class, IRoutable
    {
        var path = new StringBuilder();
        foreach (var part in _parts)
        {
            switch (part.Kind)
            {
                case BackendPathPartKind.Literal:
                    path.Append(part.Text);
                    break;
                case BackendPathPartKind.Parameter:
                    path.Append(PathSegmentEncoder.Encode(match.GetParameter(part.Text) ?? ""));
                    break;
                default:
                    // The remainder is a path already ("" or "/a/b"), encoded the way the default target rule encodes it.
                    path.Append(new PathString(match.Remainder.ToString()).ToUriComponent());
                    break;
            }
        }

        return path.ToString();
    }
}
