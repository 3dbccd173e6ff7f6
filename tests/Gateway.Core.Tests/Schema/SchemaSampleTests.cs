using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Schema;

public class SchemaSampleTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(GatewaySchema.Root, "samples"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(GatewaySchema.Root, file));
        }

        return data;
    }

    [Fact]
    public void Samples_Folder_HoldsAtLeastOneConfig() => Assert.NotEmpty(Samples());

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_AgainstSchema_Validates(string sample)
    {
        var errors = await GatewaySchema.ErrorsOf(await File.ReadAllTextAsync(Path.Combine(GatewaySchema.Root, sample)));

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_WithItsSecrets_Loads(string sample)
    {
        var result = await TestServices.LoadAsync(await File.ReadAllTextAsync(Path.Combine(GatewaySchema.Root, sample)), SchemaAgreementTests.Settings);

        Assert.Empty(result.Errors);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_SchemaReference_PointsAtTheShippedSchema(string sample)
    {
        var path = Path.Combine(GatewaySchema.Root, sample);
        var reference = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path))!["$schema"]?.GetValue<string>();

        Assert.NotNull(reference);
        Assert.Equal(GatewaySchema.Path, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, reference)));
    }
}
