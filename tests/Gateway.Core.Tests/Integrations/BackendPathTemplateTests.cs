using FunctionGateway.Integrations;
using FunctionGateway.Routing;

namespace FunctionGateway.Tests.Integrations;

public class BackendPathTemplateTests
{
    private sealed record TestRoute(RouteMethod Method, RouteTemplate Template) : IRoutable;

    private static string Render(string route, string backendPath, string requestPath)
    {
        Assert.True(RouteTemplate.TryParse(route, out var template, out var routeError), routeError);
        Assert.True(BackendPathTemplate.TryParse(backendPath, template!, out var backend, out var error), error);
        var match = new RouteTable<TestRoute>([new TestRoute(RouteMethod.Any, template!)]).Match("GET", requestPath);
        Assert.NotNull(match);
        return backend!.Render(match);
    }

    [Theory]
    [InlineData("/users/{id}", "/api/users/{id}", "/users/42", "/api/users/42")]
    [InlineData("/users/{id}/orders/{order}", "/v2/{order}/of/{id}", "/users/7/orders/9", "/v2/9/of/7")]
    [InlineData("/files/{name}", "/blobs/{name}.json", "/files/report", "/blobs/report.json")]
    [InlineData("/health", "/api/healthcheck", "/health", "/api/healthcheck")]
    [InlineData("/legacy/{.+}", "/app/{.+}", "/legacy/a/b", "/app/a/b")]
    [InlineData("/legacy/{.+}", "/app/{.+}", "/legacy", "/app")]
    [InlineData("/{.+}", "/{.+}", "/x/y", "/x/y")]
    [InlineData("/t/{tenant}/{.+}", "/tenants/{tenant}/{.+}", "/t/acme/a%20b", "/tenants/acme/a%20b")]
    [InlineData("/users/{id}", "/a%20b/{id}", "/users/1", "/a%20b/1")]
    [InlineData("/users/{id}", "", "/users/1", "")]
    public void Render_ParametersAndRemainder_Substituted(string route, string backendPath, string requestPath, string expected)
    {
        Assert.Equal(expected, Render(route, backendPath, requestPath));
    }

    [Theory]
    [InlineData("a?b=1", "/api/users/a%3Fb%3D1")]
    [InlineData("a#frag", "/api/users/a%23frag")]
    [InlineData("a%2Fb", "/api/users/a%2Fb")]
    [InlineData("..%2F..%2Fadmin", "/api/users/..%2F..%2Fadmin")]
    [InlineData("..", "/api/users/%2E%2E")]
    [InlineData(".", "/api/users/%2E")]
    [InlineData("a..b", "/api/users/a..b")]
    [InlineData("50%", "/api/users/50%25")]
    [InlineData("é x", "/api/users/%C3%A9%20x")]
    [InlineData("a;b", "/api/users/a%3Bb")]
    public void Render_ValueWithReservedCharacters_StaysOneEncodedSegment(string value, string expected)
    {
        // The request path as ASP.NET Core hands it over: decoded, except '%2F'.
        Assert.Equal(expected, Render("/users/{id}", "/api/users/{id}", "/users/" + value));
    }

    [Theory]
    [InlineData("/users/{id}", "/api/{user}", "'{user}' is not a parameter of the route '/users/{id}'; its parameters: {id}")]
    [InlineData("/health", "/api/{id}", "'{id}' is not a parameter of the route '/health'; the route has no parameters")]
    [InlineData("/a/{.+}", "/b/{rest}", "'{rest}' is not a parameter of the route '/a/{.+}'; the route has no parameters; use '{.+}' for the rest of the path")]
    [InlineData("/users/{id}", "/api/{.+}", "'/api/{.+}' uses '{.+}', but the route '/users/{id}' has no trailing '{.+}' to take it from")]
    [InlineData("/a/{.+}", "/{.+}/b", "'/{.+}/b': '{.+}' may only be the last segment")]
    [InlineData("/a/{.+}", "/x{.+}", "'/x{.+}': '{.+}' must be a whole segment")]
    [InlineData("/users/{id}", "api/{id}", "'api/{id}' must start with '/'")]
    [InlineData("/users/{id}", "/api/{id}?x=1", "'/api/{id}?x=1' must not hold a query or fragment")]
    [InlineData("/users/{id}", "/api/../{id}", "'/api/../{id}': segment '..' is not allowed")]
    [InlineData("/users/{id}", "/api/{id", "'/api/{id': '{' without a closing '}' in segment '{id'")]
    [InlineData("/users/{id}", "/api/id}", "'/api/id}': '}' without an opening '{' in segment 'id}'")]
    [InlineData("/users/{id}", "/a b/{id}", "'/a b/{id}': character ' ' is not allowed in a path; percent-encode it (a space is %20)")]
    [InlineData("/users/{id}", "/a%zz/{id}", "'/a%zz/{id}': '%' must start an escape such as %20")]
    public void TryParse_InvalidTemplate_ExplainsWhy(string route, string backendPath, string expected)
    {
        Assert.True(RouteTemplate.TryParse(route, out var template, out _));

        Assert.False(BackendPathTemplate.TryParse(backendPath, template!, out _, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }
}
