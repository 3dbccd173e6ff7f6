// FunctionGateway on Azure: a Flex Consumption Function App running as one user-assigned
// identity, its runtime storage (host state, deployment package), a config storage account
// (the `gateway` container), a Key Vault for secrets, and Application Insights on Log
// Analytics. Deploy into an existing resource group; see docs/deploy.md.

metadata description = 'FunctionGateway: Function App (Flex Consumption), storage, Key Vault, identity and monitoring.'

@description('Short prefix for every resource name: 2-10 lowercase letters or digits, starting with a letter. Globally unique names (app, storage, vault) add a suffix derived from the resource group and this prefix.')
@minLength(2)
@maxLength(10)
param namePrefix string = 'fgw'

@description('Azure region for all resources; must offer the Flex Consumption plan. Defaults to the resource group region.')
param location string = resourceGroup().location

@description('Name of the gateway config blob inside the `gateway` container.')
@minLength(1)
param configBlobName string = 'gateway.json'

@description('Seconds between polls of the config blob; a new config or a rotated secret is picked up within this time.')
@minValue(5)
@maxValue(3600)
param configPollSeconds int = 30

@description('Origins for the Function App platform CORS handler. Leave empty (the default) so the gateway applies CORS itself from its config, per route. Set it only to have the platform answer CORS for these origins instead; the platform then handles preflights before they reach the gateway, so do not also configure CORS in the gateway config.')
param allowedCorsOrigins array = []

@description('Most instances the Flex Consumption plan scales out to (1-1000).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Tags applied to every resource.')
param tags object = {}

@description('Deploy Azure Managed Redis (Entra sign-in only) and share the rate limit counters of every instance in it. Off: each instance counts alone.')
param enableRateLimitRedis bool = false

// The gateway code reads its config from this container; the name is part of the contract.
var configContainerName = 'gateway'
var deploymentContainerName = 'app-package'
var suffix = uniqueString(resourceGroup().id, namePrefix)
var storageAccountName = toLower('${namePrefix}st${take(suffix, 12)}')
var configStorageAccountName = toLower('${namePrefix}cf${take(suffix, 12)}')
var keyVaultName = '${namePrefix}-kv-${take(suffix, 10)}'
var identityName = '${namePrefix}-id'
var appInsightsName = '${namePrefix}-appi'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: '${namePrefix}-log'
    appInsightsName: appInsightsName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerName: deploymentContainerName
  }
}

// The config lives in an account of its own: the identity owns the runtime account's blobs
// (the host needs that), and must not be able to rewrite or delete its own config.
module configStorage 'modules/storage.bicep' = {
  name: 'configStorage'
  params: {
    name: configStorageAccountName
    location: location
    tags: tags
    containerName: configContainerName
    // Every upload of the config keeps the previous version, which is what a rollback copies back.
    keepVersions: true
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: keyVaultName
    location: location
    tags: tags
    workspaceId: monitoring.outputs.workspaceId
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  // Names rather than outputs are passed in so what-if can resolve the assignments, so
  // the order has to be stated.
  params: {
    identityName: identityName
    storageAccountName: storageAccountName
    configStorageAccountName: configStorageAccountName
    configContainerName: configContainerName
    keyVaultName: keyVaultName
    appInsightsName: appInsightsName
  }
  dependsOn: [
    identity
    storage
    configStorage
    keyVault
    monitoring
  ]
}

module rateLimitRedis 'modules/redis.bicep' = if (enableRateLimitRedis) {
  name: 'redis'
  params: {
    name: '${namePrefix}-redis-${suffix}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: '${namePrefix}-func-${suffix}'
    planName: '${namePrefix}-plan'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.containerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    configBlobUri: '${configStorage.outputs.containerUrl}/${configBlobName}'
    configPollSeconds: configPollSeconds
    keyVaultUri: keyVault.outputs.uri
    allowedCorsOrigins: allowedCorsOrigins
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    rateLimitRedis: rateLimitRedis.?outputs.hostName ?? ''
  }
  // The host reaches for its storage as soon as it starts; grant access first so the
  // first start does not fail on authorization.
  dependsOn: [
    roles
  ]
}

@description('Base URL of the gateway.')
output gatewayUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('Name of the Function App, for publishing the code.')
output functionAppName string = functionApp.outputs.name

@description('Name of the Key Vault that holds the gateway secrets.')
output keyVaultName string = keyVault.outputs.name

@description('Name of the storage account whose `gateway` container holds the config blob.')
output storageAccountName string = configStorage.outputs.name

@description('Name of the app\'s runtime storage account (host state and deployment package).')
output runtimeStorageAccountName string = storage.outputs.name

@description('URL of the config blob the gateway polls.')
output configBlobUri string = '${configStorage.outputs.containerUrl}/${configBlobName}'
