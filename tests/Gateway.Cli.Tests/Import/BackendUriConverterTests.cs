using FunctionGateway.Cli.Import;

namespace FunctionGateway.Cli.Tests.Import;

public class BackendUriConverterTests
{
    private static (BackendTarget? Target, List<ImportNote> Notes, ServerSet Servers) Convert(string route, string backendUri, ServerSet? servers = null)
    {
        var notes = new List<ImportNote>();
        var scope = new ProxyScope("p", notes);
        Assert.NotNull(RouteConverter.Convert(route, scope));
        servers ??= new ServerSet();
        return (BackendUriConverter.Convert(backendUri, scope, servers), notes, servers);
    }

    [Theory]
    [InlineData("/pets/{petId}", "https://pets.azurewebsites.net/api/pets/{petId}", "pets", "https://pets.azurewebsites.net", "/api/pets/{petId}")]
    [InlineData("/pets/{petId}", "https://pets.azurewebsites.net/api/pets/{PETID}", "pets", "https://pets.azurewebsites.net", "/api/pets/{petId}")]
    [InlineData("/a", "HTTPS://Api.Example.com:8443", "api", "https://Api.Example.com:8443", "/")]
    [InlineData("/a", "http://10.0.0.4:8080/x", "server", "http://10.0.0.4:8080", "/x")]
    [InlineData("/a", "https://%ORDER_HOST%/api/orders", "order-host", "https://$env.ORDER_HOST", "/api/orders")]
    [InlineData("/a", "%API_BASE_URL%", "api-base-url", "$env.API_BASE_URL", "")]
    [InlineData("/a/{*rest}", "https://x.example.com/%VERSION%/{rest}", "x", "https://x.example.com", "/$env.VERSION/{.+}")]
    [InlineData("/a/{id}", "https://x.example.com/a b/{id}.xml", "x", "https://x.example.com", "/a%20b/{id}.xml")]
    public void Convert_Address_ServerAndBackendPath(string route, string backendUri, string alias, string url, string path)
    {
        var (target, notes, servers) = Convert(route, backendUri);

        Assert.Empty(notes);
        Assert.Equal(alias, target!.Server);
        Assert.Equal(KeyValuePair.Create(alias, url), Assert.Single(servers.Servers));
        Assert.Equal(path, target.Path);
    }

    [Fact]
    public void Convert_Query_MappingValues()
    {
        var (target, notes, _) = Convert("/a/{id}", "https://x.example.com/a?code=%KEY%&id={id}&q={request.querystring.term}&flag&text=a%20b");

        Assert.Empty(notes);
        Assert.Equal(
            ["code=$env.KEY", "id=$request.path.id", "q=$request.query.term", "flag=", "text=a b"],
            target!.Query.Select(q => $"{q.Key}={q.Value}"));
    }

    [Fact]
    public void Convert_SameOriginTwice_OneServer()
    {
        var servers = new ServerSet();
        Convert("/a", "https://x.example.com/one", servers);
        Convert("/b", "https://X.example.com/two", servers);
        Convert("/c", "https://x.example.org/three", servers);

        Assert.Equal(["x=https://x.example.com", "x-2=https://x.example.org"], servers.Servers.Select(s => $"{s.Key}={s.Value}"));
    }

    [Theory]
    [InlineData("/a", "www.example.com/api", "'www.example.com/api' is not an absolute http:// or https:// URL")]
    [InlineData("/a", "ftp://x.example.com", "is not an absolute http:// or https:// URL")]
    [InlineData("/a", "https://{request.headers.host}/x", "comes from the request; a gateway server's URL is fixed")]
    [InlineData("/a/{*rest}", "https://x.example.com/{rest}/tail", "the catch-all '{rest}' is not at the end of the back-end path")]
    [InlineData("/a/{*rest}", "https://x.example.com/p{rest}", "the catch-all '{rest}' is part of a path segment")]
    [InlineData("/a", "https://x.example.com/{request.method}", "'{request.method}' in the back-end path is not a parameter of the route")]
    [InlineData("/a", "https://%bad.name%/x", "app setting '%bad.name%' has characters a $env reference cannot name")]
    public void Convert_Unsupported_NullAndReported(string route, string backendUri, string reason)
    {
        var (target, notes, _) = Convert(route, backendUri);

        Assert.Null(target);
        Assert.Contains(reason, Assert.Single(notes).Reason, StringComparison.Ordinal);
    }
}
