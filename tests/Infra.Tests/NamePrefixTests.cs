using System.Text.RegularExpressions;
using FunctionGateway.Infra.Tests.Infrastructure;

namespace FunctionGateway.Infra.Tests;

/// <summary>
/// namePrefix starts the storage account names, which take lowercase letters and digits only. The template checks
/// it itself and fails before anything is created; these tests evaluate that check, as written in main.bicep.
/// </summary>
[Collection(CompiledMainTemplate.Name)]
public sealed partial class NamePrefixTests(MainTemplateFixture fixture)
{
    [Theory]
    [InlineData("fgw", true)]
    [InlineData("fgwprod", true)]
    [InlineData("a1b2c3", true)]
    [InlineData("fg-w", false)]
    [InlineData("Fgw", false)]
    [InlineData("fgW", false)]
    [InlineData("fg_w", false)]
    [InlineData("fg.w", false)]
    [InlineData("1fgw", false)]
    [InlineData("fgé", false)]
    public async Task Check_NamePrefix_AcceptsOnlyWhatStorageAccountNamesAllow(string prefix, bool valid)
    {
        var expression = CheckExpression().Match(await File.ReadAllTextAsync(BicepPaths.MainTemplate));
        Assert.True(expression.Success, "main.bicep has no 'var namePrefixIsValid = ...' line");

        var (result, parameters) = await BicepParams.BuildAsync(
            $"var namePrefix = '{prefix}'\nparam valid = {expression.Groups["expression"].Value}", usingMain: false);

        Assert.True(parameters is not null, result.ToString());
        Assert.Equal(valid, parameters.Value.GetProperty("valid").GetProperty("value").GetBoolean());
    }

    [Fact]
    public void Names_EveryResource_StartsWithTheCheckedPrefixNotTheParameter()
    {
        var variables = fixture.Template.Root.GetProperty("variables");

        Assert.StartsWith("[if(variables('namePrefixIsValid'), parameters('namePrefix'), fail(", variables.GetProperty("prefix").GetString(), StringComparison.Ordinal);
        Assert.Contains("namePrefix ''{0}'' must be lowercase letters and digits, starting with a letter", variables.GetProperty("prefix").GetString(), StringComparison.Ordinal);
        foreach (var name in new[] { "storageAccountName", "configStorageAccountName", "keyVaultName", "identityName", "appInsightsName", "suffix" })
        {
            Assert.Contains("variables('prefix')", variables.GetProperty(name).GetString(), StringComparison.Ordinal);
        }

        // Outside the check itself, namePrefix is read nowhere: every name goes through the check.
        var mentions = Regex.Count(fixture.Json, Regex.Escape("parameters('namePrefix')"));
        var inCheck = Regex.Count(variables.GetProperty("namePrefixIsValid").GetString()! + variables.GetProperty("prefix").GetString(),
            Regex.Escape("parameters('namePrefix')"));
        Assert.Equal(inCheck, mentions);
    }

    [GeneratedRegex(@"^var namePrefixIsValid = (?<expression>.+)$", RegexOptions.Multiline)]
    private static partial Regex CheckExpression();
}
