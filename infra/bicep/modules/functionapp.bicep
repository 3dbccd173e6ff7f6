// The gateway's Function App on the Flex Consumption plan. It runs as the user-assigned
// identity for everything: host storage, the deployment package, the config blob, the vault
// and Application Insights. No key or storage connection string appears in its settings.

@description('Name of the Function App (globally unique, becomes <name>.azurewebsites.net).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags applied to the plan.')
param tags object

@description('Tags applied to the app (the plan\'s, plus the one azd finds it by).')
param appTags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('Name of the app storage account (host state and deployment package).')
param storageAccountName string

@description('URL of the blob container the Flex plan deploys the app package to.')
param deploymentContainerUrl string

@description('Application Insights connection string (it carries no credential: local auth is off).')
param appInsightsConnectionString string

@description('URL of the gateway config blob.')
param configBlobUri string

@description('Seconds between polls of the config blob.')
param configPollSeconds int

@description('URI of the Key Vault holding the secrets the config references.')
param keyVaultUri string

@description('Origins for the platform CORS handler; empty leaves CORS to the gateway.')
param allowedCorsOrigins array

@description('Most instances the app scales out to.')
param maximumInstanceCount int

@description('Memory of each instance in MB.')
param instanceMemoryMB int

@description('Path of the status endpoint; empty leaves it off.')
param statusPath string

@description('Key Vault reference to the status endpoint key; used only with statusPath.')
param statusKeyReference string

@description('Host name of the Redis that shares the rate limit counters; empty to count on each instance.')
param rateLimitRedis string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Flex Consumption runs on Linux only.
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: appTags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Without this the platform looks for a system-assigned identity the app does not have.
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // On Flex the runtime is chosen here; FUNCTIONS_WORKER_RUNTIME and
      // FUNCTIONS_EXTENSION_VERSION app settings are rejected.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      // No ftpsState: Flex Consumption does not support it (FTP stays off through the
      // basic-auth publishing policies below).
      http20Enabled: true
      // An empty list keeps the platform CORS handler off, so preflights reach the gateway,
      // which applies the per-route CORS policy from its config. Always written (rather than
      // omitted when empty) so a redeploy also clears origins someone added by hand.
      cors: {
        allowedOrigins: allowedCorsOrigins
      }
      appSettings: [
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsightsConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
        {
          // DefaultAzureCredential in the gateway picks the user-assigned identity from this.
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
        }
        {
          name: 'Gateway__Config__BlobUri'
          value: configBlobUri
        }
        {
          name: 'Gateway__Config__PollSeconds'
          value: string(configPollSeconds)
        }
        {
          name: 'Gateway__KeyVault__Uri'
          value: keyVaultUri
        }
        // The status endpoint is off while its path is empty (the gateway reads a blank setting as
        // unset). Under Functions it also needs its key: a Key Vault reference the platform
        // resolves with the app's identity, so the key is in neither the template nor the settings.
        {
          name: 'Gateway__Status__Path'
          value: statusPath
        }
        {
          name: 'Gateway__Status__Key'
          value: statusKeyReference
        }
        {
          // A host name alone: the gateway signs in to Redis as the app's identity (AZURE_CLIENT_ID).
          // Empty (Redis not deployed): each instance counts alone. Always written, so a redeploy clears it.
          name: 'Gateway__RateLimit__Redis'
          value: rateLimitRedis
        }
      ]
    }
  }
}

// Publishing goes through Entra-authenticated endpoints only; no basic-auth credentials.
// `location` is missing from the type definition but not optional in practice: without it ARM
// can fail these child resources (the Azure Verified Module passes it too).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  #disable-next-line BCP187
  location: location
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  #disable-next-line BCP187
  location: location
  properties: {
    allow: false
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
