using FunctionGateway.Mapping;

namespace FunctionGateway.Tests.Mapping;

public class MappingTemplateTests
{
    private sealed class Values : IMappingValues
    {
        public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase) { ["x-token"] = "abc" };

        public Dictionary<string, string> QueryValues { get; } = new() { ["page"] = "2" };

        public Dictionary<string, string> Claims { get; } = new() { ["sub"] = "user-1" };

        public string? Header(string name) => Headers.GetValueOrDefault(name);

        public string? Query(string name) => QueryValues.GetValueOrDefault(name);

        public string? Claim(string name) => Claims.GetValueOrDefault(name);

        public string? RouteParameter(string name) => name == "id" ? "42" : null;
    }

    private static readonly Dictionary<string, string> RouteVariables = new() { ["region"] = "eu" };
    private static readonly Dictionary<string, string> GlobalVariables = new() { ["region"] = "us", ["stage"] = "prod" };

    [Theory]
    [InlineData("literal", "literal")]
    [InlineData("$request.header.x-token", "abc")]
    [InlineData("$request.header.X-TOKEN", "abc")]
    [InlineData("$request.query.page", "2")]
    [InlineData("$request.jwt.sub", "user-1")]
    [InlineData("$config.region", "eu")]
    [InlineData("$config.stage", "prod")]
    [InlineData("Bearer $request.header.x-token", "Bearer abc")]
    [InlineData("$request.jwt.sub@$config.stage", "user-1@prod")]
    [InlineData("$request.path.id", "42")]
    [InlineData("/orders/$request.path.id", "/orders/42")]
    [InlineData("$request.path.other", null)]
    [InlineData("$request.header.missing", null)]
    [InlineData("prefix-$request.jwt.missing", null)]
    public void Resolve_Sources_GiveValueOrNull(string value, string? expected)
    {
        var template = MappingTemplate.Compile(value, RouteVariables, GlobalVariables, out var error);

        Assert.Null(error);
        Assert.Equal(expected, template.Resolve(new Values()));
    }

    [Fact]
    public void Resolve_ValueLongerThanItsStackBuffer_IsWhole()
    {
        var values = new Values();
        values.Headers["x-long"] = new string('a', 1000);
        var template = MappingTemplate.Compile("$config.stage/$request.header.x-long/$request.jwt.sub", RouteVariables, GlobalVariables, out _);

        Assert.Equal($"prod/{new string('a', 1000)}/user-1", template.Resolve(values));
    }

    [Fact]
    public void Compile_UnknownConfigVariable_ReportsIt()
    {
        MappingTemplate.Compile("$config.nope", RouteVariables, GlobalVariables, out var error);

        Assert.Equal("'$config.nope' is not defined in the route's variables nor the global variables", error);
    }
}
