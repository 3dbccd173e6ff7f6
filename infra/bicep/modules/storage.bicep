// A storage account with one private container. Deployed twice: the app's runtime account
// (Functions host state and the Flex deployment package) and the config account, whose
// `gateway` container holds the config blob. They are separate accounts so the gateway
// identity, which must own the runtime account's blobs, can only read its config.

@description('Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the account.')
param tags object

@description('Name of the account\'s container.')
param containerName string

@description('Keep a version of every overwritten blob, so a previous config can be restored.')
param keepVersions bool = false

@description('Days a deleted (or, with keepVersions, overwritten) blob can still be restored.')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int = 30

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // Everything (runtime, deployment, config reads, operators) authenticates with Entra,
    // so account keys are switched off rather than merely unused.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    accessTier: 'Hot'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: keepVersions
    deleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

output name string = account.name
output containerUrl string = '${account.properties.primaryEndpoints.blob}${container.name}'
