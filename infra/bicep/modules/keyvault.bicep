// Key Vault for the secrets the gateway config references as `$secret.NAME`. Access is by
// Azure RBAC only (no access policies), and deleted vaults and secrets are recoverable.

@description('Name of the vault (3-24 letters, digits and dashes, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Log Analytics workspace that receives the vault audit log.')
param workspaceId string

@description('Days a deleted vault or secret stays recoverable (7-90). Cannot be changed after creation.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // Once on it cannot be turned off: not even an owner can purge before retention ends.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// Who read which secret, and when, is the first question after a suspected leak.
resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
