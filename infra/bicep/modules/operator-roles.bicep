// Data access for the person or pipeline that operates the gateway (under azd, the signed-in
// user): write the config blob, manage the vault's secrets. The app's own identity gets its
// roles in roles.bicep; these are the ones docs/deploy.md otherwise has operators grant by hand.

@description('Object id of the operator.')
param principalId string

@description('Kind of principal.')
param principalType string

@description('Name of the storage account that holds the gateway config container.')
param configStorageAccountName string

@description('Name of the container that holds the gateway config blob.')
param configContainerName string

@description('Name of the Key Vault.')
param keyVaultName string

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

// Read and write the config blob and its versions, at the config container only.
resource configWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(configAccount::blobService::configContainer.id, principalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: configAccount::blobService::configContainer
  properties: {
    // Storage Blob Data Contributor
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: principalId
    principalType: principalType
  }
}

// Set and rotate the secrets the config references.
resource secretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
  scope: vault
  properties: {
    // Key Vault Secrets Officer
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
    principalId: principalId
    principalType: principalType
  }
}
