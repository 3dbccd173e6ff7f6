using FunctionGateway.Cli.Import;

namespace FunctionGateway.Cli.Tests.Import;

public class ProxyTemplateTests
{
    private static string Describe(string text) => string.Join(" ", ProxyTemplate.Parse(text).Select(t => $"{t.Kind}[{t.Text}]"));

    [Theory]
    [InlineData("https://%HOST%/api", "Literal[https://] AppSetting[HOST] Literal[/api]")]
    [InlineData("/a%20b/%C3%A9", "Literal[/a%20b/%C3%A9]")]
    [InlineData("/x/%2Fabc%", "Literal[/x/%2Fabc%]")]
    [InlineData("%API_BASE%/orders/{id}", "AppSetting[API_BASE] Literal[/orders/] Reference[id]")]
    [InlineData("{{ literal }}", "Literal[{ literal }]")]
    [InlineData("Bearer {request.headers.token}", "Literal[Bearer ] Reference[request.headers.token]")]
    [InlineData("{ \"a\": {b} }", "Literal[{ \"a\": ] Reference[b] Literal[ }]")]
    [InlineData("50% off", "Literal[50% off]")]
    public void Parse_Value_SplitsLiteralsSettingsAndReferences(string text, string expected)
    {
        Assert.Equal(expected, Describe(text));
    }
}
