using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Routing;

/// <summary>Reading and writing <see cref="RouteMethod"/>s: the config's text and a request's method.</summary>
public static class RouteMethods
{
    public const int ExactCount = (int)RouteMethod.Any;

    public static bool TryParse(string text, out RouteMethod method)
    {
        // The config format spells methods in upper case; anything else is a typo worth reporting.
        method = text switch
        {
            "GET" => RouteMethod.Get,
            "POST" => RouteMethod.Post,
            "PUT" => RouteMethod.Put,
            "PATCH" => RouteMethod.Patch,
            "DELETE" => RouteMethod.Delete,
            "OPTIONS" => RouteMethod.Options,
            "HEAD" => RouteMethod.Head,
            "ANY" => RouteMethod.Any,
            _ => (RouteMethod)(-1),
        };
        return method >= 0;
    }

    /// <summary>The request method's slot, or <see cref="RouteMethod.Any"/> for a method no route can name.</summary>
    public static RouteMethod FromRequest(string method)
    {
        // HttpMethods.Is* compares by reference first, so Kestrel's interned strings cost nothing here.
        if (HttpMethods.IsGet(method)) return RouteMethod.Get;
        if (HttpMethods.IsPost(method)) return RouteMethod.Post;
        if (HttpMethods.IsPut(method)) return RouteMethod.Put;
        if (HttpMethods.IsPatch(method)) return RouteMethod.Patch;
        if (HttpMethods.IsDelete(method)) return RouteMethod.Delete;
        if (HttpMethods.IsOptions(method)) return RouteMethod.Options;
        if (HttpMethods.IsHead(method)) return RouteMethod.Head;
        return RouteMethod.Any;
    }

    public static string ToConfigText(RouteMethod method) => method.ToString().ToUpperInvariant();
}
