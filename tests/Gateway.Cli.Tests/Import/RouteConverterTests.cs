using FunctionGateway.Cli.Import;

namespace FunctionGateway.Cli.Tests.Import;

public class RouteConverterTests
{
    private static (string? Path, List<ImportNote> Notes, ProxyScope Scope) Convert(string route)
    {
        var notes = new List<ImportNote>();
        var scope = new ProxyScope("p", notes);
        return (RouteConverter.Convert(route, scope), notes, scope);
    }

    [Theory]
    [InlineData("/api/{test}", "/api/{test}")]
    [InlineData("api/users/{id}/orders", "/api/users/{id}/orders")]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("{*path}", "/{.+}")]
    [InlineData("/static/{**rest}", "/static/{.+}")]
    public void Convert_SupportedTemplate_GatewayRoute(string route, string expected)
    {
        var (path, notes, _) = Convert(route);

        Assert.Equal(expected, path);
        Assert.Empty(notes);
    }

    [Theory]
    [InlineData("/items/{id:int}", "/items/{id}", "the constraint ':int' on '{id}' is not enforced")]
    [InlineData("/items/{id:guid:required}", "/items/{id}", "the constraint ':guid:required' on '{id}' is not enforced")]
    [InlineData("/items/{id?}", "/items/{id}", "the optional parameter '{id}' is required in the gateway")]
    [InlineData("/items/{page=1}", "/items/{page}", "the default value '1' of '{page}' is not supported")]
    public void Convert_ConstraintOrOptional_ConvertedAndReported(string route, string expected, string reason)
    {
        var (path, notes, scope) = Convert(route);

        Assert.Equal(expected, path);
        Assert.Contains(reason, Assert.Single(notes).Reason, StringComparison.Ordinal);
        Assert.Single(scope.Parameters);
    }

    [Theory]
    [InlineData("/files/{name}.json", "segment '{name}.json' mixes a parameter with text")]
    [InlineData("/{*rest}/tail", "the catch-all '{*rest}' is not the last segment")]
    [InlineData("/a/{id}/{id}", "parameter '{id}' appears twice")]
    [InlineData("/a/../b", "segment '..' is not allowed")]
    public void Convert_UnsupportedTemplate_NullAndReported(string route, string reason)
    {
        var (path, notes, _) = Convert(route);

        Assert.Null(path);
        Assert.Contains(reason, Assert.Single(notes).Reason, StringComparison.Ordinal);
    }
}
