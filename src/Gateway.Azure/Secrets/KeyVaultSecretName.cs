namespace FunctionGateway.Azure.Secrets;

/// <summary>
/// Key Vault secret names allow only letters, digits and dashes, while <c>$secret.NAME</c> is usually an
/// environment-variable style name: <c>JWT_SECRET</c> is looked up as <c>JWT-SECRET</c>.
/// </summary>
internal static class KeyVaultSecretName
{
    public static string From(string name) => name.Replace('_', '-');
}
