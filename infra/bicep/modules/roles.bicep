// The gateway identity's role assignments: exactly what the Functions host and the gateway
// need, each at the narrowest scope that works. Role definition ids are the built-in roles'
// fixed GUIDs, written out so a review (and the tests) can see which role is granted where.
// Assignment names are guid(scope, principal id, role): a principal id is new whenever the
// identity is deleted and recreated under the same name, so a redeploy then creates fresh
// assignments instead of failing to repoint the old ones (RoleAssignmentUpdateNotPermitted).

@description('Principal (object) id of the gateway user-assigned identity.')
param principalId string

@description('Name of the app\'s runtime storage account.')
param storageAccountName string

@description('Name of the storage account that holds the gateway config container.')
param configStorageAccountName string

@description('Name of the container that holds the gateway config blob.')
param configContainerName string

@description('Name of the Key Vault.')
param keyVaultName string

@description('Name of the Application Insights component.')
param appInsightsName string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource configAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: configStorageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource configContainer 'containers' existing = {
      name: configContainerName
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// The Functions host keeps its keys and leases in blob containers it creates itself, and the
// Flex plan reads the app package from the deployment container: both need write access to
// the account with identity-based AzureWebJobsStorage.
resource blobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
  scope: account
  properties: {
    // Storage Blob Data Owner
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Read only, at the config container of the config account: the gateway can never change
// or delete the config it serves, nor its versions.
resource configReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(configAccount::blobService::configContainer.id, principalId, '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
  scope: configAccount::blobService::configContainer
  properties: {
    // Storage Blob Data Reader
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Read secret values only: no listing of keys or certificates, no writes.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    // Key Vault Secrets User
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// The component has local auth disabled, so telemetry sent with the identity
// (APPLICATIONINSIGHTS_AUTHENTICATION_STRING) is accepted only with this role.
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, principalId, '3913510d-42f4-4e42-8a64-420c390055eb')
  scope: appInsights
  properties: {
    // Monitoring Metrics Publisher
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '3913510d-42f4-4e42-8a64-420c390055eb')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
