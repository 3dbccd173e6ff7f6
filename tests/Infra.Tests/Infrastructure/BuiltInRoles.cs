namespace FunctionGateway.Infra.Tests.Infrastructure;

/// <summary>Azure built-in role definition ids; they are the same in every tenant.</summary>
internal static class BuiltInRoles
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageBlobDataReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    public const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    /// <summary>The roleDefinitionId expression Bicep emits for a built-in role.</summary>
    public static string DefinitionId(string roleId) =>
        $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{roleId}')]";
}
