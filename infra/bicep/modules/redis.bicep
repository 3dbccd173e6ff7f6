// Azure Managed Redis for the gateway's rate limit counters, shared by every instance. Sign-in is by
// Microsoft Entra only (access keys off): the app's identity gets the data access policy, and the gateway
// reaches the database by host name alone (Gateway__RateLimit__Redis), signing in as that identity.

@description('Name of the cache (1-60 letters, digits and dashes, globally unique).')
@minLength(1)
@maxLength(60)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the cache.')
param tags object

@description('Object (principal) id of the identity the gateway signs in with.')
param principalId string

@description('Managed Redis SKU. Balanced_B0 is the smallest; counters need little memory.')
param skuName string = 'Balanced_B0'

resource cache 'Microsoft.Cache/redisEnterprise@2025-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: '1.2'
  }
}

resource database 'Microsoft.Cache/redisEnterprise/databases@2025-04-01' = {
  parent: cache
  name: 'default'
  properties: {
    // TLS only, on the one port the gateway assumes for a host name alone.
    clientProtocol: 'Encrypted'
    port: 10000
    // One endpoint for the whole database: the gateway's keys of one counter share a hash slot anyway.
    clusteringPolicy: 'EnterpriseCluster'
    // Counters are short-lived: losing them on a failover only resets the current windows.
    evictionPolicy: 'VolatileLRU'
    accessKeysAuthentication: 'Disabled'
  }
}

// The built-in 'default' access policy: read and write data, no administration.
resource dataAccess 'Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments@2025-04-01' = {
  parent: database
  name: 'gateway'
  properties: {
    accessPolicyName: 'default'
    user: {
      objectId: principalId
    }
  }
}

@description('Host name of the database, the value of Gateway__RateLimit__Redis.')
output hostName string = cache.properties.hostName
