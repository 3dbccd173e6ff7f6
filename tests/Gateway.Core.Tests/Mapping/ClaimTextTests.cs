using System.Text.Json;
using FunctionGateway.Mapping;

namespace FunctionGateway.Tests.Mapping;

public class ClaimTextTests
{
    [Theory]
    [InlineData("\"text\"", "text")]
    [InlineData("42", "42")]
    [InlineData("4.5", "4.5")]
    [InlineData("true", "true")]
    [InlineData("[\"a\",\"b\",3]", "a,b,3")]
    [InlineData("{\"k\":1}", "{\"k\":1}")]
    [InlineData("null", null)]
    public void ClaimText_JsonValue_GivesHeaderText(string json, string? expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, RequestMappingValues.ClaimText(document.RootElement));
    }
}
