using Azure.Identity;

namespace FunctionGateway.Functions.Tests;

public class TelemetryCredentialTests
{
    [Theory]
    [InlineData("Authorization=AAD")]
    [InlineData("ClientId=2f1c0b3e-0000-4000-8000-000000000001;Authorization=AAD")]
    [InlineData(" authorization = aad ; clientid = 2f1c0b3e-0000-4000-8000-000000000001 ")]
    public void FromSetting_EntraAuthorization_ManagedIdentity(string setting) =>
        Assert.IsType<ManagedIdentityCredential>(TelemetryCredential.FromSetting(setting));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=2f1c0b3e-0000-4000-8000-000000000001")]
    [InlineData("Authorization=Key")]
    public void FromSetting_NoEntraAuthorization_NoCredential(string? setting) =>
        Assert.Null(TelemetryCredential.FromSetting(setting));
}
