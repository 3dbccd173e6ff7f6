// Example parameters for an environment deployed with the Azure CLI (docs/deploy.md): copy and adjust
// per environment. `azd` uses main.parameters.json instead, which a file named main.bicepparam would
// override, hence this name.
using 'main.bicep'

param namePrefix = 'fgwprod'
param configBlobName = 'gateway.json'
param configPollSeconds = 30
// Empty: the gateway applies CORS from its config. See the parameter description in main.bicep.
param allowedCorsOrigins = []
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
param tags = {
  app: 'FunctionGateway'
  environment: 'prod'
}
