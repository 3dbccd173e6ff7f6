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

// The Flex Consumption docs once gave 40 as the lowest maximum; they now give 1 to 1000 ("Limit
// scale-out" in Event-driven scaling), and 1 is useful to cap a downstream that cannot take more.
@description('Most on-demand instances the HTTP function group scales out to (1-1000). Always-ready instances do not count against it.')
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

@description('Path of the gateway status endpoint, such as /.gateway/status. Empty (the default) leaves the endpoint off. When set, callers must send the key held in the vault secret statusKeySecretName in the X-Gateway-Status-Key header; create that secret before deploying.')
param statusPath string = ''

@description('Name of the Key Vault secret holding the status endpoint key; used only when statusPath is set.')
@minLength(1)
@maxLength(127)
param statusKeySecretName string = 'gateway-status-key'

@description('Azure Developer CLI environment name (AZURE_ENV_NAME); tags the resources so `azd` finds them. Empty outside azd.')
param environmentName string = ''

@description('Object id of a user or service principal that operates the gateway (AZURE_PRINCIPAL_ID under azd): it gets write access to the config container and can manage the vault secrets. Empty grants no one.')
param principalId string = ''

@description('Kind of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

// Fails the deployment before anything is created: the length checks above let a hyphen or a
// capital through, and the storage account names would only be refused once half the group exists.
var namePrefixIsValid = !empty(namePrefix) && contains('abcdefghijklmnopqrstuvwxyz', first(namePrefix)) && empty(filter(range(0, length(namePrefix)), i => !contains('abcdefghijklmnopqrstuvwxyz0123456789', substring(namePrefix, i, 1))))
var prefix = namePrefixIsValid
  ? namePrefix
  : fail('namePrefix \'${namePrefix}\' must be lowercase letters and digits, starting with a letter: it starts the storage account names, which allow nothing else.')
var resourceTags = empty(environmentName) ? tags : union(tags, { 'azd-env-name': environmentName })

@description('Deploy Azure Managed Redis (Entra sign-in only) and share the rate limit counters of every instance in it. Off: each instance counts alone.')
param enableRateLimitRedis bool = false

// The gateway code reads its config from this container; the name is part of the contract.
var configContainerName = 'gateway'
var deploymentContainerName = 'app-package'
var suffix = uniqueString(resourceGroup().id, prefix)
var storageAccountName = '${prefix}st${take(suffix, 12)}'
var configStorageAccountName = '${prefix}cf${take(suffix, 12)}'
var keyVaultName = '${prefix}-kv-${take(suffix, 10)}'
var identityName = '${prefix}-id'
var appInsightsName = '${prefix}-appi'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: resourceTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: '${prefix}-log'
    appInsightsName: appInsightsName
    location: location
    tags: resourceTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: resourceTags
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
    tags: resourceTags
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
    tags: resourceTags
    workspaceId: monitoring.outputs.workspaceId
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  // Resource names rather than outputs are passed in (except the principal, whose id names the
  // assignments), so the order has to be stated.
  params: {
    // A runtime value, so what-if shows these assignments as unknown until deployed; the price
    // of names that survive the identity being recreated (see roles.bicep).
    #disable-next-line what-if-short-circuiting
    principalId: identity.outputs.principalId
    storageAccountName: storageAccountName
    configStorageAccountName: configStorageAccountName
    configContainerName: configContainerName
    keyVaultName: keyVaultName
    appInsightsName: appInsightsName
  }
  dependsOn: [
    storage
    configStorage
    keyVault
    monitoring
  ]
}

module operatorRoles 'modules/operator-roles.bicep' = if (!empty(principalId)) {
  name: 'operatorRoles'
  params: {
    principalId: principalId
    principalType: principalType
    configStorageAccountName: configStorageAccountName
    configContainerName: configContainerName
    keyVaultName: keyVaultName
  }
  dependsOn: [
    configStorage
    keyVault
  ]
}

module rateLimitRedis 'modules/redis.bicep' = if (enableRateLimitRedis) {
  name: 'redis'
  params: {
    name: '${prefix}-redis-${suffix}'
    location: location
    tags: resourceTags
    principalId: identity.outputs.principalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: '${prefix}-func-${suffix}'
    planName: '${prefix}-plan'
    location: location
    tags: resourceTags
    // How `azd deploy` finds the app to publish the `gateway` service of azure.yaml to.
    appTags: union(resourceTags, { 'azd-service-name': 'gateway' })
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
    statusPath: statusPath
    statusKeyReference: empty(statusPath) ? '' : '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${statusKeySecretName})'
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

@description('Name of the config blob inside the `gateway` container.')
output configBlobName string = configBlobName

@description('URL of the config blob, under the name the post-provision hook reads.')
output GATEWAY_CONFIG_BLOB_URI string = '${configStorage.outputs.containerUrl}/${configBlobName}'
