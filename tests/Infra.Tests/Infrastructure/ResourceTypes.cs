namespace FunctionGateway.Infra.Tests.Infrastructure;

internal static class ResourceTypes
{
    public const string RoleAssignment = "Microsoft.Authorization/roleAssignments";
    public const string Site = "Microsoft.Web/sites";
    public const string ServerFarm = "Microsoft.Web/serverfarms";
    public const string PublishingCredentials = "Microsoft.Web/sites/basicPublishingCredentialsPolicies";
    public const string StorageAccount = "Microsoft.Storage/storageAccounts";
    public const string BlobService = "Microsoft.Storage/storageAccounts/blobServices";
    public const string BlobContainer = "Microsoft.Storage/storageAccounts/blobServices/containers";
    public const string KeyVault = "Microsoft.KeyVault/vaults";
    public const string DiagnosticSettings = "Microsoft.Insights/diagnosticSettings";
    public const string AppInsights = "Microsoft.Insights/components";
    public const string Workspace = "Microsoft.OperationalInsights/workspaces";
    public const string UserAssignedIdentity = "Microsoft.ManagedIdentity/userAssignedIdentities";
}
